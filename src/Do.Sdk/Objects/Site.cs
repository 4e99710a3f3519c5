namespace Do;

/// <summary>A website or domain within an app; its parent is an <see cref="App"/>.</summary>
public class Site : DurableObject
{
    internal override ObjectKind Kind => ObjectKind.Site;
}
