namespace Do.Hosting;

/// <summary>
/// Which call chains wait for which objects' turns. A call from inside a turn that must wait for another object's
/// turn is recorded here first; if the holder of that turn is (transitively) waiting for a turn the caller's own chain
/// holds, the waits form a cycle that can never resolve, and the call that would close it fails with
/// <see cref="DeadlockException"/> instead of waiting. Only turns taken through the gate have a holder; callers from
/// outside every turn (a test, a request, a group commit member) hold nothing, so they are never part of a cycle.
/// </summary>
internal sealed class WaitForGraph
{
    private readonly Lock _lock = new();
    private readonly List<Waiting> _waiting = [];

    /// <summary>
    /// Records that <paramref name="chain"/> waits for <paramref name="target"/>'s turn; returns the record to pass to
    /// <see cref="Remove"/> once the wait ends, or null when the caller holds no turn.
    /// </summary>
    /// <exception cref="DeadlockException">The wait would close a cycle; nothing was recorded.</exception>
    public Waiting? Add(CallChain? chain, ObjectActivation target)
    {
        if (chain is null)
        {
            return null;
        }

        // One lock for detection and insertion: of two calls that close a cycle at the same moment, the second to get
        // here sees the first's wait, so exactly one of them fails.
        lock (_lock)
        {
            if (FindCycle(chain, target) is { } cycle)
            {
                throw new DeadlockException(cycle);
            }

            var waiting = new Waiting(chain, target);
            _waiting.Add(waiting);
            return waiting;
        }
    }

    /// <summary>How many calls from inside a turn wait for another turn right now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    public void Remove(Waiting? waiting)
    {
        if (waiting is null)
        {
            return;
        }

        lock (_lock)
        {
            _waiting.Remove(waiting);
        }
    }

    /// <summary>
    /// Walks from <paramref name="target"/> to its holder's waits, their targets' holders and so on; a holder inside
    /// <paramref name="chain"/> closes the cycle. Returns the objects in wait order, starting with the one the waiting
    /// chain holds, or null.
    /// </summary>
    private List<string>? FindCycle(CallChain chain, ObjectActivation target)
    {
        var reachedFrom = new Dictionary<ObjectActivation, ObjectActivation?> { [target] = null };
        var queue = new Queue<ObjectActivation>();
        queue.Enqueue(target);
        while (queue.TryDequeue(out var activation))
        {
            if (activation.TurnHolder is not { } holder)
            {
                continue;
            }

            if (chain.IsWithin(holder))
            {
                var path = new List<string>();
                for (ObjectActivation? step = activation; step is not null; step = reachedFrom[step])
                {
                    path.Add(step.Namespace.Value);
                }

                // path runs from the held object back to the target; the cycle reads held → target → … → held.
                var cycle = new List<string>(path.Count) { path[0] };
                for (int i = path.Count - 1; i > 0; i--)
                {
                    cycle.Add(path[i]);
                }

                return cycle;
            }

            foreach (var waiting in _waiting)
            {
                // A flow inside the holder's turn waits: the holder cannot finish before that wait ends.
                if (waiting.Chain.IsWithin(holder) && reachedFrom.TryAdd(waiting.Target, activation))
                {
                    queue.Enqueue(waiting.Target);
                }
            }
        }

        return null;
    }

    /// <summary>One call chain waiting for one object's turn.</summary>
    internal sealed class Waiting(CallChain chain, ObjectActivation target)
    {
        public CallChain Chain { get; } = chain;

        public ObjectActivation Target { get; } = target;
    }
}
