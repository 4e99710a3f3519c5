namespace Do;

/// <summary>An application within a business; its parent is a <see cref="Business"/>.</summary>
public class App : DurableObject
{
    internal override ObjectKind Kind => ObjectKind.App;
}
