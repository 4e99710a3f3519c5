using System.Globalization;
using System.Text;
using System.Text.Json;
using Do.Agents;

namespace Do.Client;

/// <summary>Durable steps and workers over HTTP: signals to waiting actions, a human's approval queue, agent runs.</summary>
public sealed partial class HttpObjectTransport
{
    /// <inheritdoc />
    public Task<bool> SignalAsync(long actionId, string signal, string? valueJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        var path = Path(DoRoutes.Signal, actionId.ToString(CultureInfo.InvariantCulture), signal);
        return PostJsonAsync(path, DoWireJson.Default.Boolean, cancellationToken, valueJson);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRequest>> ApprovalsAsync(CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.Approvals), DoWireJson.Default.IReadOnlyListApprovalRequest, cancellationToken);

    /// <summary>
    /// Answers a request of the human's queue. The server records <paramref name="by"/> only when it is the caller's
    /// own actor or one the caller may act for (a <c>do:actor</c> claim), and answers 403
    /// (<see cref="UnauthorizedAccessException"/>) otherwise: nobody decides in someone else's name.
    /// </summary>
    /// <exception cref="ArgumentException">No request with that id, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    /// <exception cref="UnauthorizedAccessException">The caller may not answer as <paramref name="by"/>.</exception>
    public async Task RespondAsync(long requestId, bool approved, string by, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var body = JsonSerializer.Serialize(new ApprovalDecision(approved, by, comment), DoWireJson.Default.ApprovalDecision);
        await SendAsync(HttpMethod.Post, Path(DoRoutes.Respond, requestId.ToString(CultureInfo.InvariantCulture)), body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> RunAgentAsync(string goal, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, Path(DoRoutes.AgentRuns), AgentRunJson.Goal(goal), cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(body);
    }
}
