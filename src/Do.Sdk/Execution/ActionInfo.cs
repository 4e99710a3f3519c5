namespace Do;

/// <summary>One entry of an object's action log: who did what, to which thing, with which outcome.</summary>
/// <param name="Id">The action id (also the idempotency key handed to effectful verbs).</param>
/// <param name="Verb">The verb: <c>create</c>, <c>update</c>, <c>delete</c>, a declared verb, <c>undo</c>, <c>redo</c> or a named action.</param>
/// <param name="Target">The local id of the thing acted on; empty for the object itself.</param>
/// <param name="Actor">Who caused it: the <c>As(actor)</c> of the caller, a principal, a worker's URL, <c>schedule:{id}</c> or <c>system</c>.</param>
/// <param name="Status">Where it is in its life: pending, retrying, completed, failed or undone.</param>
/// <param name="Attempts">How many attempts ran.</param>
/// <param name="Error">The last error, for a failed or retrying action.</param>
/// <param name="Input">The verb's arguments as JSON.</param>
/// <param name="Output">The verb's return value as JSON (<c>{"value": …}</c>).</param>
/// <param name="BeforeVersion">The thing's version before the action.</param>
/// <param name="AfterVersion">The version the action wrote.</param>
/// <param name="At">When the action was recorded.</param>
public sealed record ActionInfo(
    long Id,
    string Verb,
    string Target,
    string Actor,
    ActionStatus Status,
    int Attempts,
    string? Error,
    string? Input,
    string? Output,
    long? BeforeVersion,
    long? AfterVersion,
    DateTimeOffset At);
