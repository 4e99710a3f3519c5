using System.Text.Json.Serialization.Metadata;
using Do.Execution;

namespace Do;

/// <summary>Signals to durable actions of the object.</summary>
public partial class ObjectClient
{
    /// <summary>
    /// Sends <paramref name="signal"/> with <paramref name="value"/> to the durable action <paramref name="actionId"/>:
    /// its <c>ctx.WaitFor&lt;T&gt;(signal, …)</c> returns the value and the action runs on, in a turn of its own after
    /// this call returns. Sent before the action waits, the signal is kept for its WaitFor. The value is recorded in the
    /// action's journal first. Returns true when a waiting action was woken. Built-in JSON covers primitives (see
    /// <see cref="Context.Step{T}(string, Func{CancellationToken, Task{T}})"/>); pass a <see cref="JsonTypeInfo{T}"/> otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The object has no such action.</exception>
    /// <exception cref="InvalidOperationException">The action already completed, failed or was undone.</exception>
    public Task<bool> Signal<T>(long actionId, string signal, T value, CancellationToken cancellationToken = default)
        => Signal(actionId, signal, value, null!, cancellationToken);

    /// <summary>Like <see cref="Signal{T}(long, string, T, CancellationToken)"/>, writing the value with <paramref name="json"/>.</summary>
    public Task<bool> Signal<T>(long actionId, string signal, T value, JsonTypeInfo<T> json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        return Transport.SignalAsync(actionId, signal, StepJson.Write(value, json), cancellationToken);
    }
}
