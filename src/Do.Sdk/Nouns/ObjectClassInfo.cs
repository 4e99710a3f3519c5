namespace Do;

/// <summary>Invokes an object-level verb by name on a live object instance, with its input as JSON; returns its output JSON (or null).</summary>
public delegate ValueTask<string?> ObjectVerbDispatcher(DurableObject instance, string verb, string? inputJson, Context context);

/// <summary>Invokes a noun verb by name: reads the state JSON, applies the verb, returns the new state JSON and its output.</summary>
public delegate ValueTask<VerbResult> NounVerbDispatcher(string stateJson, string verb, string? inputJson, Context context);

/// <summary>A durable object class the host can activate without reflection.</summary>
/// <param name="Name">The stable class name recorded in the catalog (the full C# name by default).</param>
/// <param name="Type">The CLR type.</param>
/// <param name="Factory">Creates an instance.</param>
public sealed record ObjectClassInfo(string Name, Type Type, Func<DurableObject> Factory)
{
    /// <summary>Object-level verbs, callable by name through <see cref="Dispatch"/>.</summary>
    public IReadOnlyList<VerbInfo> Verbs { get; init; } = [];

    /// <summary>The object's verb dispatch table, or null when it declares no verbs.</summary>
    public ObjectVerbDispatcher? Dispatch { get; init; }
}
