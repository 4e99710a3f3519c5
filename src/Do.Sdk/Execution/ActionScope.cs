namespace Do.Execution;

/// <summary>The action an async verb is running as: its id (the idempotency key) and the attempt's cancellation.</summary>
internal sealed record ActionScope(Hosting.ObjectActivation Activation, long ActionId, int Attempt, CancellationToken CancellationToken)
{
    private static readonly AsyncLocal<ActionScope?> s_current = new();

    private int _steps;

    public static ActionScope? Current => s_current.Value;

    /// <summary>Set when a step suspended this attempt, so user code that swallows the suspension cannot complete it.</summary>
    public bool Suspended { get; set; }

    /// <summary>The position of the next durable step in this run (1, 2, …): a replay calls its steps in the same order.</summary>
    public int NextStep() => Interlocked.Increment(ref _steps);

    /// <summary>The current scope if it belongs to <paramref name="activation"/> (a nested call into another object sees none).</summary>
    public static ActionScope? For(Hosting.ObjectActivation activation) => s_current.Value is { } scope && ReferenceEquals(scope.Activation, activation) ? scope : null;

    public static void Enter(ActionScope scope)
    {
        s_current.Value = scope;
        EmitBuffer.Current?.Clear(); // a new attempt emits afresh
    }
}
