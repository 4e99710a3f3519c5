using System.Text.Json.Serialization.Metadata;
using Do.Execution;

namespace Do;

/// <summary>
/// Durable steps (see docs/durable-steps.md): inside an async verb or a <c>ctx.Do</c> action, each step's result is
/// journaled in the action; when the action runs again — after a wait, a retry or a crash — it runs from the top and
/// every journaled step returns its recorded result instead of running again.
/// </summary>
public sealed partial class Context
{
    /// <summary>
    /// Runs <paramref name="work"/> once per action and journals its result: a replay returns the recorded value. The
    /// result is journaled (in its own small transaction) before this returns. Built-in JSON covers string, bool, int,
    /// long, double, decimal, Guid, DateTimeOffset, TimeSpan and string lists; other types take the overload with a
    /// <see cref="JsonTypeInfo{T}"/>. Outside a durable action (a handler, a schedule, a Try) the work just runs.
    /// </summary>
    /// <param name="name">The step's name; a replay must call the same names in the same order (else <see cref="StepMismatchException"/>).</param>
    /// <param name="work">The effect; it gets the attempt's cancellation token.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no built-in JSON form.</exception>
    public Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> work) => Step(name, work, null!);

    /// <summary>Like <see cref="Step{T}(string, Func{CancellationToken, Task{T}})"/>, serializing the result with <paramref name="json"/> (a source-generated <c>JsonSerializerContext</c>'s, or <see cref="NounJson.TypeInfo{T}"/>).</summary>
    public async Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> work, JsonTypeInfo<T> json)
    {
        ArgumentNullException.ThrowIfNull(work);
        var recorded = await DurableSteps.RunAsync(_activation, name, DurableSteps.StepKind, async token => StepJson.Write(await work(token).ConfigureAwait(false), json)).ConfigureAwait(false);
        return StepJson.Read(recorded, json);
    }

    /// <summary>Runs <paramref name="work"/> once per action and journals that it completed; a replay skips it.</summary>
    public Task Step(string name, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return DurableSteps.RunAsync(_activation, name, DurableSteps.StepKind, async token =>
        {
            await work(token).ConfigureAwait(false);
            return null;
        });
    }

    /// <summary>
    /// A durable timer: the action waits <paramref name="duration"/> on the host's <see cref="TimeProvider"/> with its
    /// status <see cref="ActionStatus.Waiting"/> and the object's turn released, then runs again from the top (this
    /// call then returns). A restarted host wakes it when due. Only inside a durable action.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a durable action.</exception>
    public Task Sleep(TimeSpan duration)
    {
        DurableSteps.Sleep(_activation, duration);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits, durably and without the object's turn, for <see cref="ObjectClient.Signal{T}(long, string, T, CancellationToken)"/>
    /// to send <paramref name="signal"/> to this action, and returns its value. A signal sent before this call is kept
    /// and returned at once. Only inside a durable action.
    /// </summary>
    /// <param name="signal">The signal's name.</param>
    /// <param name="timeout">How long to wait (<see cref="Timeout.InfiniteTimeSpan"/>: no limit), on the host's clock.</param>
    /// <exception cref="SignalTimeoutException">The timeout passed first (journaled: a replay throws it again).</exception>
    /// <exception cref="InvalidOperationException">Called outside a durable action.</exception>
    public Task<T> WaitFor<T>(string signal, TimeSpan timeout) => WaitFor<T>(signal, timeout, null!);

    /// <summary>Like <see cref="WaitFor{T}(string, TimeSpan)"/>, reading the value with <paramref name="json"/>.</summary>
    public Task<T> WaitFor<T>(string signal, TimeSpan timeout, JsonTypeInfo<T> json)
        => Task.FromResult(StepJson.Read(DurableSteps.WaitFor(_activation, signal, timeout), json));
}
