namespace Do.Hosting;

/// <summary>Taking an object's turn: the free case without allocation, a wait recorded in the wait-for graph otherwise.</summary>
internal sealed partial class ObjectActivation
{
    private CallChain? _turnHolder;

    /// <summary>The turn that holds the gate (set once it is entered, cleared before release); null when free or closing.</summary>
    public CallChain? TurnHolder => Volatile.Read(ref _turnHolder);

    /// <summary>
    /// Waits for the gate. A wait that would close a cycle of call chains fails with <see cref="DeadlockException"/>;
    /// one longer than <see cref="DoHostOptions.CallTimeout"/> (on the host's clock) with <see cref="CallTimeoutException"/>.
    /// </summary>
    private async ValueTask AcquireTurnAsync(CancellationToken cancellationToken)
    {
        // A cancelled call runs nothing, even when the turn is free.
        cancellationToken.ThrowIfCancellationRequested();
        if (_gate.Wait(0, CancellationToken.None))
        {
            return;
        }

        var waiting = Host.Waits.Add(CallChain.Current, this);
        try
        {
            await WaitBoundedAsync(_gate, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Host.Waits.Remove(waiting);
        }
    }

    /// <summary>Waits for <paramref name="gate"/>, failing with <see cref="CallTimeoutException"/> after <see cref="DoHostOptions.CallTimeout"/> on the host's clock.</summary>
    private async ValueTask WaitBoundedAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        var timeout = Host.Options.CallTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timer = new CancellationTokenSource(timeout, Host.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await gate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CallTimeoutException(Namespace.Value, timeout);
        }
    }

    /// <summary>
    /// Runs the calls made inside a turn one at a time. A verb that calls its own object runs that call inline, in its
    /// turn; one that starts several such calls and awaits them together (<c>Task.WhenAll</c>) would otherwise run them
    /// at the same time on one connection. Each such call takes this inner gate, unless it runs inside the call that
    /// holds it (A → B → A, nested), which would deadlock on it.
    /// </summary>
    private readonly SemaphoreSlim _inner = new(1, 1);

    private CallChain? _innerHolder;

    /// <summary>
    /// The innermost call running inside this object's turn: the call inside the turn that holds the inner gate, or else
    /// the turn's holder; null when the object is free. A call coming back to the object by another route joins it.
    /// </summary>
    public CallChain? InnermostHolder => Volatile.Read(ref _innerHolder) ?? TurnHolder;

    /// <summary>
    /// Takes the inner gate for a call inside this turn, waiting (bounded by <see cref="DoHostOptions.CallTimeout"/>)
    /// while another call of the turn holds it; false, without waiting, for a call nested inside the holder. The caller
    /// then enters it with <see cref="HoldInner"/> (not here: an async method's call-chain changes end with it).
    /// </summary>
    private async ValueTask<bool> TakeInnerAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _innerHolder) is { } holder && CallChain.Current!.IsWithin(holder))
        {
            return false;
        }

        if (!_inner.Wait(0, CancellationToken.None))
        {
            // Not in the wait-for graph: this call is inside the turn the graph would see it wait for.
            var waiting = BeginTurnWait();
            try
            {
                await WaitBoundedAsync(_inner, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                EndTurnWait(waiting);
            }
        }

        return true;
    }

    /// <summary>Enters the inner gate just taken: calls this flow makes from here on are nested inside it.</summary>
    private void HoldInner() => Volatile.Write(ref _innerHolder, CallChain.Enter(this));

    /// <summary>Releases the inner gate taken by <see cref="TakeInnerAsync"/>.</summary>
    private void ReleaseInner()
    {
        Volatile.Write(ref _innerHolder, null);
        _inner.Release();
    }

    /// <summary>Enters the turn just acquired, recording this flow as its holder before it can wait for anything else.</summary>
    private void HoldTurn() => Volatile.Write(ref _turnHolder, CallChain.Enter(this));

    /// <summary>Clears the holder, then opens the gate: a waiter never sees a stale holder of a turn it now owns.</summary>
    private void ReleaseTurn()
    {
        Volatile.Write(ref _turnHolder, null);
        _gate.Release();
    }
}
