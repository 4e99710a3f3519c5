using System.Globalization;
using System.Text;
using System.Text.Json;
using Do.Transport;

namespace Do.Client;

/// <summary>The members added to the seam after HTTP first shipped: actors, the action log, undo/redo, branch deletion, edges and search.</summary>
public sealed partial class HttpObjectTransport
{
    /// <summary>
    /// This transport acting for <paramref name="actor"/>: every request carries it in the <c>Do-Actor</c> header. The
    /// server records it only if the caller's principal holds a <c>do:actor</c> claim granting it, and answers 403
    /// (<see cref="UnauthorizedAccessException"/>) otherwise; without the header it records the principal's name.
    /// </summary>
    /// <exception cref="ArgumentException">The actor is empty.</exception>
    public IObjectTransport WithActor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new HttpObjectTransport(_client, Namespace, _objectClass, actor);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActionInfo>> ActionsAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        var query = new StringBuilder("?").Append(DoRoutes.Query("limit", filter.Limit));
        Append(query, "status", filter.Status?.ToString());
        Append(query, "verb", filter.Verb);
        Append(query, "actor", filter.Actor);
        Append(query, "target", filter.Target);
        Append(query, "since", filter.Since?.ToString("O", CultureInfo.InvariantCulture));
        Append(query, "until", filter.Until?.ToString("O", CultureInfo.InvariantCulture));
        Append(query, "before", filter.Before?.ToString(CultureInfo.InvariantCulture));
        return GetJsonAsync(Path(DoRoutes.Actions) + query, DoWireJson.Default.IReadOnlyListActionInfo, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ActionInfo?> ActionAsync(long actionId, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, Path(DoRoutes.Action, actionId.ToString(CultureInfo.InvariantCulture)), null, cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : JsonSerializer.Deserialize(body, DoWireJson.Default.ActionInfo);
    }

    /// <inheritdoc />
    public Task<ActionInfo> UndoAsync(long actionId, bool undo, bool force, CancellationToken cancellationToken)
    {
        var path = Path(undo ? DoRoutes.Undo : DoRoutes.Redo, actionId.ToString(CultureInfo.InvariantCulture)) + (force ? "?force=true" : "");
        return PostJsonAsync(path, DoWireJson.Default.ActionInfo, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> DeleteBranchAsync(string name, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var body = await SendAsync(HttpMethod.Delete, Path(DoRoutes.Branch, name) + (force ? "?force=true" : ""), null, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, DoWireJson.Default.String)!;
    }

    /// <inheritdoc />
    public Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return PostJsonAsync(Path(DoRoutes.Relate) + "?sides=" + SidesText(sides), DoWireJson.Default.Boolean, cancellationToken, JsonSerializer.Serialize(edge, DoWireJson.Default.RelationEdge));
    }

    /// <inheritdoc />
    public Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return PostJsonAsync(Path(DoRoutes.Unrelate) + "?sides=" + SidesText(sides), DoWireJson.Default.Boolean, cancellationToken, JsonSerializer.Serialize(edge, DoWireJson.Default.RelationEdge));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(reference);
        var query = new StringBuilder("?direction=").Append(direction == RelationDirection.Incoming ? "incoming" : "outgoing");
        Append(query, "type", type);
        return GetJsonAsync(Path(DoRoutes.Related, noun.Name, LocalText(reference)) + query, DoWireJson.Default.IReadOnlyListRelationEdge, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var path = Path(DoRoutes.Search, noun.Name) + "?q=" + Uri.EscapeDataString(query) + "&mode=" + ModeText(mode) + "&" + DoRoutes.Query("limit", limit);
        return GetJsonAsync(path, DoWireJson.Default.IReadOnlyListSearchDocument, cancellationToken);
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string SidesText(RelationSides sides) => sides switch
    {
        RelationSides.Outgoing => "outgoing",
        RelationSides.Incoming => "incoming",
        RelationSides.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(sides), sides, "Expected Outgoing, Incoming or Both."),
    };

    private static string ModeText(SearchMode mode) => mode switch
    {
        SearchMode.FullText => "fulltext",
        SearchMode.Vector => "vector",
        SearchMode.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Expected FullText, Vector or Hybrid."),
    };
}
