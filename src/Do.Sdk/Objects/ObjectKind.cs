namespace Do;

/// <summary>The built-in kinds of durable objects.</summary>
internal enum ObjectKind
{
    Object,
    Entity,
    Business,
    App,
    Site,
}
