using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>A durable object class the host can activate without reflection.</summary>
/// <param name="Name">The stable class name recorded in the catalog (the full C# name by default).</param>
/// <param name="Type">The CLR type.</param>
/// <param name="Factory">Creates an instance.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ObjectClassInfo(string Name, Type Type, Func<DurableObject> Factory)
{
    /// <summary>Object-level verbs, callable by name through <see cref="Dispatch"/>.</summary>
    public IReadOnlyList<VerbInfo> Verbs { get; init; } = [];

    /// <summary>The object's verb dispatch table, or null when it declares no verbs.</summary>
    public ObjectVerbDispatcher? Dispatch { get; init; }
}
