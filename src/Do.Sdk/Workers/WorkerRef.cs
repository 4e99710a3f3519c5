using System.Text.Json.Serialization.Metadata;
using Do.Agents;
using Do.Execution;
using Do.Workers;

namespace Do;

/// <summary>
/// A worker — a <see cref="Human"/> or an <see cref="Agent"/> — as seen from another object's action:
/// <c>ctx.Worker&lt;TWorker&gt;(ns)</c>. The same calls reach either: a human answers through its request queue (a
/// durable wait, with timeout and escalation), an agent through its chat client (a journaled step) or, for
/// <see cref="Do"/>, a run of its loop. Either way the answer is journaled in the calling action, so a replay after a
/// wait, a retry or a crash returns it without asking again.
/// </summary>
/// <typeparam name="TWorker">The worker's class.</typeparam>
public sealed class WorkerRef<TWorker>
    where TWorker : Worker, new()
{
    private static readonly bool s_isAgent = typeof(Agent).IsAssignableFrom(typeof(TWorker));
    private readonly Context _context;
    private readonly ObjectClient<TWorker> _worker;

    internal WorkerRef(Context context, ObjectClient<TWorker> worker)
    {
        _context = context;
        _worker = worker;
    }

    /// <summary>The worker's namespace.</summary>
    public string Ns => _worker.Namespace.Value;

    /// <summary>
    /// Gives the worker a task and waits durably for its result. An agent runs toward it as a goal (a run of its loop,
    /// recorded in its own file) and the result is the run's output; a run that does not finish (it fails for good, or
    /// stops at its turn limit) answers with <see cref="AgentRunFailedException"/>, journaled like an answer. A human
    /// gets a <see cref="WorkerRequestKind.Do"/> request and answers with the result when done. Only inside a durable action.
    /// </summary>
    /// <param name="task">What to do.</param>
    /// <param name="timeout">How long to wait: a human's request escalates after it (null: never expires); an agent's run is awaited that long, then <see cref="SignalTimeoutException"/>.</param>
    /// <param name="escalateTo">For a human: what happens to an unanswered request. Agents ignore it.</param>
    /// <exception cref="InvalidOperationException">Called outside a durable action (an async verb or a ctx.Do action).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="AgentRunFailedException">The agent's run did not finish: it names the agent, the run and why (not retried).</exception>
    public async Task<string> Do(string task, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        var wait = Wait(timeout);
        if (!s_isAgent)
        {
            return await FromQueue(WorkerRequestKind.Do, task, null, wait, escalateTo).ConfigureAwait(false);
        }

        var action = RequireAction(nameof(Do));
        var requester = _context.Ns;
        var worker = _worker;
        var signal = await _context.Step("do " + Ns, token => worker.Run(ctx => AgentAnswers.StartRun(ctx.Activation, task, requester, action), token)).ConfigureAwait(false);
        return await AgentAnswers.AwaitRunAsync(_context, signal, wait, Ns).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the worker a question and returns the answer: an agent's model answers at once (in the agent's voice), a
    /// human's answer arrives through its queue (<c>Requests.Answer</c>) — a durable wait that only a durable action can make.
    /// </summary>
    /// <param name="question">The question.</param>
    /// <param name="timeout">For a human: when the request escalates (null: never). Agents ignore it.</param>
    /// <param name="escalateTo">For a human: who is asked next when nobody answered in time. Agents ignore it.</param>
    /// <exception cref="InvalidOperationException">A human was asked outside a durable action.</exception>
    public async Task<string> Ask(string question, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var wait = Wait(timeout);
        if (!s_isAgent)
        {
            return await FromQueue(WorkerRequestKind.Ask, question, null, wait, escalateTo).ConfigureAwait(false);
        }

        var worker = _worker;
        return await _context.Step("ask " + Ns, token => worker.Run(ctx => AgentAnswers.AskAsync(ctx, question), token)).ConfigureAwait(false);
    }

    /// <summary>Asks the worker to choose one of <paramref name="options"/> and returns it, exactly as given.</summary>
    /// <param name="question">What to decide.</param>
    /// <param name="options">At least two non-empty options.</param>
    /// <param name="timeout">For a human: when the request escalates (null: never). Agents ignore it.</param>
    /// <param name="escalateTo">For a human: who is asked next when nobody answered in time. Agents ignore it.</param>
    /// <exception cref="ArgumentException">Fewer than two options, or an empty one.</exception>
    /// <exception cref="FormatException">The agent's model chose something that is not an option (not journaled: a retry asks again).</exception>
    /// <exception cref="InvalidOperationException">A human was asked outside a durable action.</exception>
    public async Task<string> Decide(string question, IReadOnlyList<string> options, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        AiPrimitives.RequireOptions(options);
        var wait = Wait(timeout);
        if (!s_isAgent)
        {
            return await FromQueue(WorkerRequestKind.Decide, question, options, wait, escalateTo).ConfigureAwait(false);
        }

        var worker = _worker;
        return await _context.Step("decide " + Ns, token => worker.Run(ctx => AgentAnswers.DecideAsync(ctx, question, options), token)).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the worker to approve <paramref name="request"/> and returns the decision. A human decides through its
    /// queue, exactly as <c>ctx.Human&lt;THuman&gt;(ns).Approve</c> (a durable wait with timeout and escalation); an
    /// agent's model chooses approve or reject, and the decision is by <c>agent:{ns}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A human was asked outside a durable action.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive (or infinite).</exception>
    public async Task<ApprovalDecision> Approve(string request, TimeSpan timeout, EscalationPolicy? escalateTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        var wait = Wait(timeout);
        var worker = _worker;
        if (s_isAgent)
        {
            return await _context.Step("approve " + Ns, token => worker.Run(ctx => AgentAnswers.ApproveAsync(ctx, request), token), StepJsonContext.Default.ApprovalDecision).ConfigureAwait(false);
        }

        var action = RequireAction(nameof(Approve));
        var requester = _context.Ns;

        // Through the transport: the human may be a grain on another silo.
        var signal = await _context.Step("approve " + Ns, token => worker.Transport.RequestApprovalAsync(request, requester, action, null, escalateTo, wait, token)).ConfigureAwait(false);
        return await _context.WaitFor(signal, Timeout.InfiniteTimeSpan, StepJsonContext.Default.ApprovalDecision).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the worker for a <typeparamref name="T"/>: an agent's model answers through structured output (schema from
    /// <paramref name="json"/>), a human answers with its JSON (or, for a string, plain text) through the queue.
    /// </summary>
    /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
    /// <exception cref="InvalidOperationException">A human was asked outside a durable action.</exception>
    public async Task<T> Generate<T>(string prompt, JsonTypeInfo<T> json, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        ArgumentNullException.ThrowIfNull(json);
        var wait = Wait(timeout);
        if (s_isAgent)
        {
            var worker = _worker;
            return await _context.Step("generate " + Ns, token => worker.Run(ctx => AgentAnswers.GenerateAsync(ctx, prompt, json), token), json).ConfigureAwait(false);
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)await FromQueue(WorkerRequestKind.Ask, prompt, null, wait, escalateTo).ConfigureAwait(false);
        }

        var answer = await FromQueue(WorkerRequestKind.Ask, $"{prompt}\n\n(Answer with a {typeof(T).Name} as JSON.)", null, wait, escalateTo).ConfigureAwait(false);
        return AiPrimitives.ReadGenerated(answer, json, prompt, "The worker " + Ns);
    }

    /// <summary>
    /// Like <see cref="Generate{T}(string, JsonTypeInfo{T}, TimeSpan?, EscalationPolicy?)"/> without metadata:
    /// <c>await w.Generate&lt;string[]&gt;("…")</c>. The built-in types (string, bool, numbers, Guid, dates, string lists)
    /// work everywhere; any other type (a record) needs reflection-based JSON, which apps have unless trimmed or Native
    /// AOT; there, pass its JsonTypeInfo.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not built in and reflection-based JSON is off.</exception>
    public Task<T> Generate<T>(string prompt, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
        => Generate(prompt, AiPrimitives.DefaultJson<T>(), timeout, escalateTo);

    /// <summary>
    /// Sends <paramref name="message"/> to the worker's notification channels (<see cref="Worker.Channels"/>), once per
    /// action: inside a durable action it is a journaled step, so a replay does not send it again.
    /// </summary>
    public Task Notify(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var worker = _worker;
        return _context.Step("notify " + Ns, async token =>
        {
            // Failing channels are the channels' business (Worker.Notify reports them); the caller's action goes on.
            await worker.Run(ctx => ((Worker)ctx.Activation.Instance).Notify(new Notification(ctx.Ns, "message", message), token), token).ConfigureAwait(false);
        });
    }

    private async Task<string> FromQueue(WorkerRequestKind kind, string text, IReadOnlyList<string>? options, TimeSpan timeout, EscalationPolicy? escalateTo)
    {
        var action = RequireAction(ApprovalQueue.KindName(kind));
        var requester = _context.Ns;
        var worker = _worker;
        var signal = await _context.Step(ApprovalQueue.KindName(kind) + " " + Ns, token => worker.Run(ctx => ApprovalQueue.RequestAsync(ctx.Activation, kind, text, options, requester, action, null, escalateTo, timeout), token)).ConfigureAwait(false);
        return await _context.WaitFor(signal, Timeout.InfiniteTimeSpan, StepJsonContext.Default.String).ConfigureAwait(false);
    }

    private long RequireAction(string verb)
        => _context.ActionId ?? throw new InvalidOperationException($"{verb} on {Ns} waits durably, so it runs inside a durable action of {_context.Ns}: an async verb (called with Do) or a ctx.Do action.");

    private static TimeSpan Wait(TimeSpan? timeout)
    {
        var wait = timeout ?? Timeout.InfiniteTimeSpan;
        if (wait <= TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), wait, $"A timeout of {wait} is not positive; pass e.g. TimeSpan.FromHours(4), or null (Timeout.InfiniteTimeSpan) for no expiry.");
        }

        return wait;
    }
}
