namespace Do.Hosting;

/// <summary>
/// The objects whose turns the current async flow is inside. A call that reaches an object already in its chain
/// re-enters that turn instead of waiting for it, so A → B → A completes instead of deadlocking.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> s_current = new();

    private CallChain(ObjectActivation activation, CallChain? parent)
    {
        Activation = activation;
        Parent = parent;
    }

    public ObjectActivation Activation { get; }

    public CallChain? Parent { get; }

    /// <summary>True when the current async flow is inside some object's turn.</summary>
    public static bool IsInAnyTurn => s_current.Value is not null;

    public static bool Contains(ObjectActivation activation)
    {
        for (var node = s_current.Value; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node.Activation, activation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The innermost turn of the current async flow, or null outside every turn.</summary>
    public static CallChain? Current => s_current.Value;

    /// <summary>
    /// Enters <paramref name="activation"/>'s turn for the rest of the calling async method; returns the new node,
    /// which identifies the turn as the holder of the object's gate in the wait-for graph.
    /// </summary>
    public static CallChain Enter(ObjectActivation activation)
    {
        var node = new CallChain(activation, s_current.Value);
        s_current.Value = node;
        return node;
    }

    /// <summary>True when <paramref name="turn"/> is this node or one of its ancestors: this flow runs inside that turn.</summary>
    public bool IsWithin(CallChain turn)
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node, turn))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts work that must not count as part of the current chain (e.g. fire-and-forget dispatch).</summary>
    public static void Clear() => s_current.Value = null;
}
