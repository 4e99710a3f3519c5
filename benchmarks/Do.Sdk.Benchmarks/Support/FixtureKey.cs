using System.Globalization;

namespace Do.Benchmarks.Support;

/// <summary>
/// Names cached fixture folders: the object schema version (a new migration rebuilds them) plus a format number to
/// bump when a fixture's contents change. Not the assembly's MVID, which changes with every commit (SourceLink).
/// </summary>
public static class FixtureKey
{
    private const int Format = 1;

    public static string Value { get; } = string.Create(CultureInfo.InvariantCulture, $"s{Storage.ObjectSchema.Migrations[^1].Version}f{Format}");
}
