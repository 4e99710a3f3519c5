using Do.Hosting;
using Do.Search;
using Do.Storage;

namespace Do.Transport;

internal sealed partial class InProcessTransport
{
    // Reciprocal-rank fusion: k = 60 is the constant of Cormack et al.; each list contributes 1 / (k + rank).
    private const int FusionK = 60;

    public Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        Relationships.RelationTypes.Validate(edge.Type);
        if (edge.Data is not null)
        {
            ThingStore.ValidateJson(edge.Data, nameof(edge));
        }

        return RunGroupedAsync(a =>
        {
            if ((sides & RelationSides.Outgoing) != 0)
            {
                var source = ThingId.Parse(edge.From);
                var noun = DoRegistry.FindNoun(edge.FromNoun);
                var name = noun is null ? edge.FromNoun : a.EnsureNoun(noun);
                a.Database.Things.RequireLive(a.Database.FindNounId(name) ?? -1, name, source.LocalId);
            }

            return a.Database.Edges.Relate(edge, sides);
        }, cancellationToken);
    }

    public Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edge);
        Relationships.RelationTypes.Validate(edge.Type);
        return RunGroupedAsync(a => a.Database.Edges.Unrelate(edge, sides), cancellationToken);
    }

    public Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(reference);
        if (type is not null)
        {
            Relationships.RelationTypes.Validate(type);
        }

        return Target.RunAsync(a =>
        {
            var db = a.Database;
            var name = a.EnsureNoun(noun);
            var (branch, cap) = GraphPoint(db, name, reference);
            IReadOnlyList<RelationEdge> edges = db.Edges.Query(name, db.Namespace.Value + "/" + reference.Id, type, direction, branch, cap);
            return ValueTask.FromResult(edges);
        }, cancellationToken);
    }

    /// <summary>The branch and last version of the log that a ref of a thing sees the graph at.</summary>
    private static (long Branch, long? Cap) GraphPoint(ObjectDatabase db, string noun, Ref reference)
    {
        switch (reference.Kind)
        {
            case RefKind.Head:
                return (db.Branches.Current, null);
            case RefKind.Branch:
                return (db.Branches.Resolve(reference.Branch!, reference), null);
            case RefKind.Version:
            case RefKind.Ancestor:
                var version = db.Things.Get(noun, reference)
                    ?? throw new RefNotFoundException(reference.ToString(), $"there is no such version of {noun} \"{reference.Id}\" in {db.Namespace}");
                return (db.Branches.Current, version.Version);
            default:
                var scope = db.Branches.Scope(db.Branches.Current, "t.");
                var command = db.Command($"SELECT MAX(t.version) FROM things AS t LEFT JOIN stored_actions AS a ON a.id = t.action AND t.verb IS NULL WHERE ({scope.Sql}) AND coalesce(t.at, a.completed_at) <= $time");
                scope.Bind(command);
                return (db.Branches.Current, command.Bind("$time", reference.AsOf.ToUnixTimeMilliseconds()).ExecuteScalar() as long? ?? 0);
        }
    }

    public Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noun);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = mode == SearchMode.Vector ? null : SearchText.ToMatch(query, any: mode == SearchMode.Hybrid);
        if (mode == SearchMode.Vector && string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException($"Similarity text \"{query}\" is blank. Expected the text to compare things with, e.g. \"a cosy place to sleep\".", nameof(query));
        }

        var generator = mode == SearchMode.FullText
            ? null
            : Target.Host.Options.Embeddings ?? throw new InvalidOperationException($"{mode} search of {noun.Plural} needs an embedding generator: set DoHostOptions.Embeddings (e.g. to the Do.Sdk.Embeddings.MiniLM generator), or use SearchMode.FullText.");
        return Target.RunAsync<IReadOnlyList<SearchDocument>>(async a =>
        {
            var name = a.EnsureNoun(noun);
            var index = a.Database.SearchIndex;
            List<(string Id, string? Snippet, double Score)> ranked;
            if (generator is null)
            {
                ranked = [.. index.FullText(name, match!, limit).Select(h => (h.Id, (string?)h.Snippet, h.Score))];
            }
            else
            {
                await index.EmbedPendingAsync(name, generator, cancellationToken).ConfigureAwait(false);
                var embedded = await generator.GenerateAsync([query], cancellationToken: cancellationToken).ConfigureAwait(false);
                var pool = mode == SearchMode.Vector ? limit : Math.Max(limit * 4, 50);
                var nearest = index.Nearest(name, embedded[0].Vector.Span, pool);
                ranked = mode == SearchMode.Vector
                    ? [.. nearest.Select(h => (h.Id, (string?)null, h.Score))]
                    : Fuse(index.FullText(name, match!, pool), nearest, limit);
            }

            var result = new List<SearchDocument>(ranked.Count);
            foreach (var (id, snippet, score) in ranked)
            {
                if (a.Database.Things.Get(name, Ref.Head(id)) is { Deleted: false, Data: { } json })
                {
                    result.Add(new SearchDocument(id, json, score, snippet));
                }
            }

            return result;
        }, cancellationToken);
    }

    private static List<(string Id, string? Snippet, double Score)> Fuse(List<(string Id, string Snippet, double Score)> text, List<(string Id, double Score)> vectors, int limit)
    {
        var fused = new Dictionary<string, (string? Snippet, double Score)>(StringComparer.Ordinal);
        for (int rank = 0; rank < text.Count; rank++)
        {
            fused[text[rank].Id] = (text[rank].Snippet, 1.0 / (FusionK + rank + 1));
        }

        for (int rank = 0; rank < vectors.Count; rank++)
        {
            var id = vectors[rank].Id;
            var (snippet, score) = fused.GetValueOrDefault(id);
            fused[id] = (snippet, score + (1.0 / (FusionK + rank + 1)));
        }

        return [.. fused.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit).Select(p => (p.Key, p.Value.Snippet, p.Value.Score))];
    }
}
