namespace Do.Cli.Tests.Support;

/// <summary>The read-only tests share one data folder and its running host.</summary>
[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioData>
{
    public const string Name = "studio data folder";
}
