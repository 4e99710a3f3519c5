using System.Buffers;
using System.Text.Json;
using Do.Agents;
using Do.Execution;

namespace Do;

/// <summary>Runs agents through their <see cref="ObjectClient{TObject}"/>.</summary>
public static class AgentClientExtensions
{
    extension<TAgent>(ObjectClient<TAgent> client)
        where TAgent : Agent
    {
        /// <summary>
        /// Runs the agent toward <paramref name="goal"/> as one durable action (<see cref="Agent.RunAction"/>) and returns
        /// how it went. A run interrupted by a crash is resumed by the host. Cancelling
        /// <paramref name="cancellationToken"/> cancels the run; it is recorded as failed. In-process only.
        /// </summary>
        /// <exception cref="ArgumentException">The goal is empty.</exception>
        /// <exception cref="ActionFailedException">The run failed (no chat client, the model kept failing, …); the action log says why.</exception>
        public async Task<AgentRun> Run(string goal, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(goal))
            {
                throw new ArgumentException($"The goal \"{goal}\" is empty; pass what the agent should achieve, e.g. \"Escalate ticket t-1\".", nameof(goal));
            }

            var input = GoalJson(goal);

            // Followed from outside the agent's turn: a run that waits (for a human) releases the turn and this call
            // returns when a later run of the action completes it.
            var output = await ActionWaiters.Follow(
                client.Target.RunAsync(
                    activation => VerbExecution.RunDefinedAsync(activation, Agent.RunAction, input, activation.Context.FindDefinitionOrNull(Agent.RunAction)!, null, cancellationToken),
                    cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return AgentRunJson.Read(output!);
        }
    }

    private static string GoalJson(string goal)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("goal", goal);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
