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
            var timeout = Host.Options.CallTimeout;
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            using var timer = new CancellationTokenSource(timeout, Host.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                await _gate.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new CallTimeoutException(Namespace.Value, timeout);
            }
        }
        finally
        {
            Host.Waits.Remove(waiting);
        }
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
