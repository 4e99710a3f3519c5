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
        /// <summary>Runs the agent toward <paramref name="task"/> (as <c>Run(goal)</c>) and returns the run's output.</summary>
        /// <exception cref="ArgumentException">The task is empty.</exception>
        /// <exception cref="ActionFailedException">The run failed; the agent's action log says why.</exception>
        public async Task<string> Do(string task, CancellationToken cancellationToken = default)
            => (await agent.Run(task, cancellationToken).ConfigureAwait(false)).Output ?? "";

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

        /// <summary>Asks the agent's model for a <typeparamref name="T"/> through structured output (schema from <paramref name="json"/>).</summary>
        /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
        public Task<T> Generate<T>(string prompt, JsonTypeInfo<T> json, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
            ArgumentNullException.ThrowIfNull(json);
            return agent.Run(ctx => AgentAnswers.GenerateAsync(ctx, prompt, json), cancellationToken);
        }

        /// <summary>Like <c>Generate(prompt, json)</c> for the built-in types (string, bool, numbers, Guid, dates, string lists).</summary>
        public Task<T> Generate<T>(string prompt, CancellationToken cancellationToken = default)
            => agent.Generate(prompt, AiPrimitives.BuiltIn<T>(), cancellationToken);
    }
}
