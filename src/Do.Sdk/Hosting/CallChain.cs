namespace Do.Hosting;

/// <summary>
/// The objects whose turns the current async flow is inside. A call that reaches an object whose turn's holder is in its
/// chain re-enters that turn instead of waiting for it, so A → B → A completes instead of deadlocking
/// (<see cref="ObjectActivation.IsInTurn"/>); a chain that only names the object, left from a turn that has ended, waits.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> s_current = new();

    /// <summary>The last <see cref="Id"/> handed out; starts at random so ids of two processes do not meet.</summary>
    private static long s_lastId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    private CallChain(ObjectActivation activation, CallChain? parent)
    {
        Activation = activation;
        Parent = parent;
        Id = Interlocked.Increment(ref s_lastId);
    }

    /// <summary>
    /// Identifies this node, so a call that leaves the process (the Orleans integration's grain calls) can name the turn
    /// it was made from, and a call coming back can join exactly that turn while it still holds its object.
    /// </summary>
    public long Id { get; }

    public ObjectActivation Activation { get; }

    public CallChain? Parent { get; }

    /// <summary>
    /// True when the current async flow is inside some object's turn: within the turn that holds that object's gate. A
    /// chain left from turns that have ended (work a turn forked and left running) is not.
    /// </summary>
    public static bool IsInAnyTurn
    {
        get
        {
            for (var node = s_current.Value; node is not null; node = node.Parent)
            {
                if (node.Activation.IsInTurn)
                {
                    return true;
                }
            }

            return false;
        }
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

    /// <summary>
    /// Runs the rest of the calling async method inside <paramref name="turn"/>, as a call that turn made: for a call that
    /// comes back to a waiting turn by another route (a grain call on the Orleans integration, A → B → A).
    /// </summary>
    public static void Join(CallChain turn) => s_current.Value = turn;

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

    /// <summary>
    /// Clears the other carriers of the chain in the current flow, for <see cref="RunDetached"/>: the Orleans integration
    /// sets it to drop the chain it keeps in Orleans' request context, which would otherwise travel with a detached
    /// call and let it join a turn that is not waiting for it.
    /// </summary>
    internal static Action? ClearCarriers { get; set; }

    /// <summary>
    /// Starts work on the thread pool outside every chain (see <see cref="DoHost.RunDetached"/>), so it waits for the
    /// turns it needs instead of joining the one that started it and running beside it.
    /// </summary>
    public static Task<T> RunDetached<T>(Func<Task<T>> work)
        => Task.Run(() =>
        {
            Clear();
            ClearCarriers?.Invoke();
            return work();
        });
}
