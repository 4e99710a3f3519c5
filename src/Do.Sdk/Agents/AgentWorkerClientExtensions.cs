using System.Text.Json.Serialization.Metadata;
using Do.Agents;
using Do.Workers;

namespace Do;

/// <summary>
/// The worker interface on an agent's client, from outside any object: <c>host.Object&lt;TAgent&gt;(ns).Ask(…)</c>.
/// The agent's model answers at once, in the agent's voice; nothing is journaled (there is no calling action).
/// In-process only.
/// </summary>
public static class AgentWorkerClientExtensions
{
    extension<TAgent>(ObjectClient<TAgent> agent)
        where TAgent : Agent
    {
        /// <summary>
        /// Runs the agent toward <paramref name="task"/> (as <c>Run(goal)</c>) and returns the run's output. A run that
        /// does not finish throws, as <c>ctx.Worker&lt;TAgent&gt;(ns).Do</c> does; <c>Run</c> returns such a run instead.
        /// </summary>
        /// <exception cref="ArgumentException">The task is empty.</exception>
        /// <exception cref="AgentRunFailedException">
        /// The run failed for good (its <see cref="Exception.InnerException"/> is the <see cref="ActionFailedException"/>)
        /// or stopped at <see cref="Agent.MaxIterations"/>; it names the agent, the run and why.
        /// </exception>
        public async Task<string> Do(string task, CancellationToken cancellationToken = default)
        {
            AgentRun run;
            try
            {
                run = await agent.Run(task, cancellationToken).ConfigureAwait(false);
            }
            catch (ActionFailedException e) when (e.Verb == Agent.RunAction)
            {
                throw new AgentRunFailedException(agent.Ns, e.ActionId, task, $"{e.InnerException?.Message ?? e.Message} (after {e.Attempts} attempt(s))", e);
            }

            return run.Status == AgentRunStatus.Completed
                ? run.Output ?? ""
                : throw new AgentRunFailedException(agent.Ns, run.Id, task, AgentAnswers.Unfinished(run));
        }

        /// <summary>Asks the agent's model <paramref name="question"/> and returns its answer.</summary>
        /// <exception cref="InvalidOperationException">No chat client is configured.</exception>
        public Task<string> Ask(string question, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(question);
            return agent.Run(ctx => AgentAnswers.AskAsync(ctx, question), cancellationToken);
        }

        /// <summary>Has the agent's model choose one of <paramref name="options"/> and returns it, exactly as given.</summary>
        /// <exception cref="ArgumentException">Fewer than two options, or an empty one.</exception>
        /// <exception cref="FormatException">The model chose something that is not an option.</exception>
        public Task<string> Decide(string question, IReadOnlyList<string> options, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(question);
            AiPrimitives.RequireOptions(options);
            return agent.Run(ctx => AgentAnswers.DecideAsync(ctx, question, options), cancellationToken);
        }
    }

    // Generate<T> is in a block of its own, over the covariant IObjectClient<Agent>: in a block over
    // ObjectClient<TAgent>, C# 14 counts TAgent among the method's type arguments, so agent.Generate<string[]>("…")
    // would not bind (it would need Generate<Responder, string[]>).
    extension(IObjectClient<Agent> agent)
    {
        /// <summary>
        /// Asks the agent's model for a <typeparamref name="T"/> through structured output, the JSON schema and the
        /// reading from <paramref name="json"/> (no reflection): <c>await agent.Generate("…", MyJson.Default.Plan)</c>.
        /// </summary>
        /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
        /// <exception cref="InvalidOperationException">No chat client is configured.</exception>
        public Task<T> Generate<T>(string prompt, JsonTypeInfo<T> json, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
            ArgumentNullException.ThrowIfNull(json);
            var client = agent as ObjectClient ?? new ObjectClient(agent.Transport);
            return client.Run(ctx => AgentAnswers.GenerateAsync(ctx, prompt, json), cancellationToken);
        }

        /// <summary>
        /// Like <c>Generate(prompt, json)</c> without metadata: <c>await agent.Generate&lt;string[]&gt;("…")</c>. The
        /// built-in types (string, bool, numbers, Guid, dates, string lists) work everywhere; any other type (a record)
        /// needs reflection-based JSON, which apps have unless trimmed or Native AOT; there, pass its JsonTypeInfo.
        /// </summary>
        /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not built in and reflection-based JSON is off.</exception>
        /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
        public Task<T> Generate<T>(string prompt, CancellationToken cancellationToken = default)
            => agent.Generate(prompt, AiPrimitives.DefaultJson<T>(), cancellationToken);
    }
}
