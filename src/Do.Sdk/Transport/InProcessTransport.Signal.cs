using Do.Execution;

namespace Do.Transport;

/// <summary>Signals to durable actions waiting in <c>ctx.WaitFor</c>.</summary>
internal sealed partial class InProcessTransport
{
    public async Task<bool> SignalAsync(long actionId, string signal, string? valueJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        if (valueJson is not null)
        {
            System.Text.Json.JsonDocument.Parse(valueJson).Dispose(); // bad JSON fails here, before anything is recorded
        }

        Hosting.ObjectActivation? woken = null;
        await Target.RunAsync(
            activation =>
            {
                if (DurableSteps.Signal(activation, actionId, signal, valueJson))
                {
                    woken = activation;
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);

        // The action runs again in a turn of its own once this one is over: the signaller does not wait for it.
        woken?.ResumeLater(actionId);
        return woken is not null;
    }
}
