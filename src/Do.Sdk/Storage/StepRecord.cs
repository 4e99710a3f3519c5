namespace Do.Storage;

/// <summary>One journaled step of a durable action: its place in the action, what it was, and its recorded result.</summary>
internal sealed record StepRecord(long Action, int Seq, string Name, string Kind, bool Done, string? Result, string? Signal, long? WakeAt, bool TimedOut);
