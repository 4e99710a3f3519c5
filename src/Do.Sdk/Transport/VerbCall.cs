namespace Do.Transport;

/// <summary>
/// One verb call as it crosses a transport: which verb, on which thing (or on the object itself), with what input and
/// at what durability.
/// </summary>
public sealed record VerbCall
{
    /// <summary>The noun whose verb runs; null for a verb declared on the object class.</summary>
    public NounInfo? Noun { get; init; }

    /// <summary>The local id of the thing the verb runs on; null for an object-level verb.</summary>
    public string? Id { get; init; }

    /// <summary>The verb.</summary>
    public required VerbInfo Verb { get; init; }

    /// <summary>The verb's arguments as a JSON object, or null when it takes none.</summary>
    public string? InputJson { get; init; }

    /// <summary>How the verb runs: <see cref="Durability.Do"/>, <see cref="Durability.Try"/> or <see cref="Durability.Send"/>.</summary>
    public Durability Durability { get; init; } = Durability.Do;

    /// <summary>Queued (<c>AsQueued()</c>): the call returns once the action is recorded as pending; it runs after.</summary>
    public bool Queued { get; init; }

    /// <summary>
    /// The verb applied to a thing's JSON state in this process (the generated code's direct call); only the in-process
    /// transport runs it. A transport that crosses a process boundary sends the call by name instead.
    /// </summary>
    internal Execution.VerbExecution.Apply? LocalThing { get; init; }

    /// <summary>The verb applied to the live object instance in this process; see <see cref="LocalThing"/>.</summary>
    internal Func<DurableObject, Context, ValueTask<string?>>? LocalObject { get; init; }

    /// <summary>Where the call goes, for messages: <c>Startup("acme").Prioritize</c> or <c>Studio.Restock</c>.</summary>
    public override string ToString() => Noun is null ? Verb.Name : $"{Noun.Name}(\"{Id}\").{Verb.Name}";
}
