using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>A declared verb of a noun or an object.</summary>
/// <param name="Name">The C# method name, e.g. <c>Prioritize</c>.</param>
/// <param name="Event">The event name in past tense, e.g. <c>prioritized</c>.</param>
/// <param name="IsAsync">True when the verb returns a task (it may have effects).</param>
/// <param name="Retries">Retries after a failed attempt; negative uses the host default.</param>
/// <param name="TimeoutMilliseconds">The timeout of one attempt; zero or negative uses the host default.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record VerbInfo(string Name, string Event, bool IsAsync, int Retries = -1, int TimeoutMilliseconds = 0)
{
    /// <summary>True when the verb is declared <c>[Verb(RequiresApproval = true)]</c>: an agent asks a human before calling it.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>
    /// The JSON schema (draft 2020-12 subset) of the verb's arguments as a tool takes them, emitted by the generator
    /// as a constant: an object with <c>id</c> (the thing's local id; noun verbs only) and one property per parameter,
    /// named as in the action's input JSON, parameters without a default required. Null for metadata not emitted by
    /// the generator.
    /// </summary>
    public string? ArgumentsSchema { get; init; }
}
