namespace Do.Execution;

/// <summary>The action an async verb is running as: its id (the idempotency key) and the attempt's cancellation.</summary>
internal sealed record ActionScope(Hosting.ObjectActivation Activation, long ActionId, int Attempt, CancellationToken CancellationToken)
{
    private static readonly AsyncLocal<ActionScope?> s_current = new();

    public static ActionScope? Current => s_current.Value;

    /// <summary>The current scope if it belongs to <paramref name="activation"/> (a nested call into another object sees none).</summary>
    public static ActionScope? For(Hosting.ObjectActivation activation) => s_current.Value is { } scope && ReferenceEquals(scope.Activation, activation) ? scope : null;

    public static void Enter(ActionScope scope)
    {
        s_current.Value = scope;
        EmitBuffer.Current?.Clear(); // a new attempt emits afresh
    }
}
