namespace Do;

/// <summary>Where an action sits on the durability spectrum.</summary>
public enum Durability
{
    /// <summary>Fire-and-forget: dispatched in memory, never persisted.</summary>
    Send,

    /// <summary>One attempt, awaited, outcome recorded, never resumed.</summary>
    Try,

    /// <summary>Durable: persisted before it runs, retried, resumed after a crash.</summary>
    Do,
}
