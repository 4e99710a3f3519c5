using System.ComponentModel;
using System.Text.Json;
using Do.Client;
using Do.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore;

/// <summary>The endpoints on an object's graph and search index: relate, unrelate, related things at a ref, search.</summary>
internal static class GraphEndpoints
{
    private const string NsDescription = "The object's namespace URL, URL-encoded as one path segment, e.g. https%3A%2F%2Fstartups.studio.";
    private const string SidesDescription = "Which records of the edge this object keeps: outgoing (the source is here), incoming (the target is here) or both.";

    public static void Map(RouteGroupBuilder group)
    {
        const string Graph = "Graph";
        group.MapPost(DoRoutes.Relate, Relate).WithName("Relate").WithTags(Graph)
            .WithSummary("Writes the records of an edge (body: fromNoun, from, type, toNoun, to, data) this object keeps, versioned like things; true when something changed.")
            .Accepts<RelationEdge>("application/json").Produces<bool>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Unrelate, Unrelate).WithName("Unrelate").WithTags(Graph)
            .WithSummary("Removes (tombstones) the records of an edge; true when it existed.")
            .Accepts<RelationEdge>("application/json").Produces<bool>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(DoRoutes.Related, Related).WithName("ListRelated").WithTags(Graph)
            .WithSummary("The live edges of a thing at a ref (a read-only ref reads the graph as it was then), oldest first.")
            .Produces<IReadOnlyList<RelationEdge>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(DoRoutes.Search, Search).WithName("SearchThings").WithTags("Things")
            .WithSummary("Things of a noun matching a query, best first: full-text (bm25), vector (embeddings) or hybrid.")
            .Produces<IReadOnlyList<SearchDocument>>().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Relate(HttpContext http, [Description(NsDescription)] string ns, [Description(SidesDescription)] string? sides, CancellationToken cancellationToken)
    {
        var edge = await EdgeAsync(http, cancellationToken).ConfigureAwait(false);
        return Results.Json(await DoRequest.Of(http).Transport.RelateAsync(edge, ParseSides(sides), cancellationToken).ConfigureAwait(false), DoWireJson.Default.Boolean);
    }

    private static async Task<IResult> Unrelate(HttpContext http, [Description(NsDescription)] string ns, [Description(SidesDescription)] string? sides, CancellationToken cancellationToken)
    {
        var edge = await EdgeAsync(http, cancellationToken).ConfigureAwait(false);
        return Results.Json(await DoRequest.Of(http).Transport.UnrelateAsync(edge, ParseSides(sides), cancellationToken).ConfigureAwait(false), DoWireJson.Default.Boolean);
    }

    private static async Task<IResult> Related(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("The noun, e.g. Customer.")] string noun,
        [Description("The thing's ref, URL-encoded: alice, alice@~1, alice@2026-11-23T09:00:00Z.")] string @ref,
        [Description("Only edges of this relation type, e.g. purchased.")] string? type,
        [Description("outgoing (edges from the thing, the default) or incoming (edges to it).")] string? direction,
        CancellationToken cancellationToken)
    {
        var chosen = direction switch
        {
            null or "" or "outgoing" => RelationDirection.Outgoing,
            "incoming" => RelationDirection.Incoming,
            _ => throw new ArgumentException($"direction=\"{direction}\" is not a direction: expected outgoing or incoming.", nameof(direction)),
        };
        var edges = await DoRequest.Of(http).Transport.RelatedAsync(DoRequest.Noun(noun), Ref.Parse(DoRoutes.Segment(@ref)), type, chosen, cancellationToken).ConfigureAwait(false);
        return Results.Json(edges, DoWireJson.Default.IReadOnlyListRelationEdge);
    }

    private static async Task<IResult> Search(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("The noun, e.g. Customer.")] string noun,
        [Description("The query: words (a trailing * matches a prefix) or, for vector search, text to compare with.")] string? q,
        [Description("fulltext (the default), vector or hybrid.")] string? mode,
        [Description("At most this many hits (default 20, at most 1000).")] int? limit,
        CancellationToken cancellationToken)
    {
        var chosen = mode switch
        {
            null or "" or "fulltext" => SearchMode.FullText,
            "vector" => SearchMode.Vector,
            "hybrid" => SearchMode.Hybrid,
            _ => throw new ArgumentException($"mode=\"{mode}\" is not a search mode: expected fulltext, vector or hybrid.", nameof(mode)),
        };
        var count = limit ?? 20;
        if (count is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), count, $"limit={count} is out of range: expected 1 to 1000.");
        }

        var hits = await DoRequest.Of(http).Transport.SearchAsync(DoRequest.Noun(noun), q ?? "", chosen, count, cancellationToken).ConfigureAwait(false);
        return Results.Json(hits, DoWireJson.Default.IReadOnlyListSearchDocument);
    }

    private static async Task<RelationEdge> EdgeAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException("An edge is needed as the JSON body: {\"fromNoun\":…,\"from\":…,\"type\":…,\"toNoun\":…,\"to\":…,\"data\":null}.");
        var edge = JsonSerializer.Deserialize(body, DoWireJson.Default.RelationEdge);
        if (edge is null || string.IsNullOrEmpty(edge.FromNoun) || string.IsNullOrEmpty(edge.From) || string.IsNullOrEmpty(edge.Type) || string.IsNullOrEmpty(edge.ToNoun) || string.IsNullOrEmpty(edge.To))
        {
            throw new ArgumentException($"The edge {body} is incomplete: expected fromNoun, from, type, toNoun and to, each non-empty, and optional data.");
        }

        return edge;
    }

    private static RelationSides ParseSides(string? sides) => sides switch
    {
        null or "" or "both" => RelationSides.Both,
        "outgoing" => RelationSides.Outgoing,
        "incoming" => RelationSides.Incoming,
        _ => throw new ArgumentException($"sides=\"{sides}\" is not a side: expected outgoing, incoming or both.", nameof(sides)),
    };
}
