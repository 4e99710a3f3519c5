using Do.Agents;

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
        /// <paramref name="cancellationToken"/> cancels the run in this process (it is recorded as failed); from another
        /// process (HTTP, Orleans) it stops the wait for the answer. Works on every transport.
        /// </summary>
        /// <exception cref="ArgumentException">The goal is empty.</exception>
        /// <exception cref="ActionFailedException">The run failed (no chat client, the model kept failing, …); the action log says why.</exception>
        public async Task<AgentRun> Run(string goal, CancellationToken cancellationToken = default)
        {
            _ = AgentRunJson.Goal(goal); // an empty goal fails here, before anything crosses the transport
            return AgentRunJson.Read(await client.Transport.RunAgentAsync(goal, cancellationToken).ConfigureAwait(false));
        }
    }
}
