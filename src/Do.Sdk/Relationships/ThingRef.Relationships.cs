using Do.Transport;

namespace Do;

public sealed partial class ThingRef<T>
{
    /// <summary>
    /// Relates this thing to <paramref name="target"/> by <paramref name="type"/>
    /// (<c>await ctx.Customer("alice").Relate("purchased", ctx.Product("p1"))</c>), possibly in another object. The edge is
    /// versioned like a thing in this thing's object (and, when the target lives elsewhere, recorded as incoming there
    /// too); relating again with other <paramref name="data"/> appends a version with the new data.
    /// </summary>
    /// <param name="type">The relation type: ASCII letters, digits, '_', '-', '.' or ':', starting with a letter.</param>
    /// <param name="target">The related thing.</param>
    /// <param name="data">The edge's data as a JSON object, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the edge is new or its data changed.</returns>
    /// <exception cref="ArgumentException">The type is malformed or the data is not a JSON object.</exception>
    /// <exception cref="ThingNotFoundException">This thing does not exist or is deleted.</exception>
    /// <exception cref="InvalidOperationException">This ref, or the target's, is read-only.</exception>
    public async Task<bool> Relate<TOther>(string type, ThingRef<TOther> target, string? data = null, CancellationToken cancellationToken = default)
        where TOther : class, INoun<TOther>
    {
        var edge = EdgeTo(type, target, data, "Relate");
        var sameObject = target.Namespace == Namespace;
        var changed = await _transport.RelateAsync(edge, sameObject ? RelationSides.Both : RelationSides.Outgoing, cancellationToken).ConfigureAwait(false);
        if (!sameObject)
        {
            // Not atomic with the write above: a crash in between leaves an outgoing edge the target does not list as
            // incoming; relating again repairs it.
            changed |= await target._transport.RelateAsync(edge, RelationSides.Incoming, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>Removes the <paramref name="type"/> edge from this thing to <paramref name="target"/>; its history stays readable.</summary>
    /// <returns>True when the edge existed.</returns>
    public async Task<bool> Unrelate<TOther>(string type, ThingRef<TOther> target, CancellationToken cancellationToken = default)
        where TOther : class, INoun<TOther>
    {
        var edge = EdgeTo(type, target, null, "Unrelate");
        var sameObject = target.Namespace == Namespace;
        var removed = await _transport.UnrelateAsync(edge, sameObject ? RelationSides.Both : RelationSides.Outgoing, cancellationToken).ConfigureAwait(false);
        if (!sameObject)
        {
            removed |= await target._transport.UnrelateAsync(edge, RelationSides.Incoming, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>
    /// The <typeparamref name="TNoun"/> things this thing relates to (outgoing edges), optionally of one
    /// <paramref name="type"/>, oldest edge first. At a read-only ref the graph is read as it was: <c>@v</c> and
    /// <c>@~N</c> at that version of this thing, a time as of that time (related values too), a branch at its head.
    /// </summary>
    public Task<IReadOnlyList<RelatedThing<TNoun>>> Related<TNoun>(string? type = null, CancellationToken cancellationToken = default)
        where TNoun : class, INoun<TNoun>
        => Resolve<TNoun>(type, RelationDirection.Outgoing, cancellationToken);

    /// <summary>The <typeparamref name="TNoun"/> things that relate to this thing (incoming edges), possibly from other objects; see <see cref="Related{TNoun}"/>.</summary>
    public Task<IReadOnlyList<RelatedThing<TNoun>>> RelatedFrom<TNoun>(string? type = null, CancellationToken cancellationToken = default)
        where TNoun : class, INoun<TNoun>
        => Resolve<TNoun>(type, RelationDirection.Incoming, cancellationToken);

    private RelationEdge EdgeTo<TOther>(string type, ThingRef<TOther> target, string? data, string operation)
        where TOther : class, INoun<TOther>
    {
        ArgumentNullException.ThrowIfNull(target);
        Relationships.RelationTypes.Validate(type);
        if (data is not null)
        {
            Storage.ThingStore.ValidateJson(data, nameof(data));
        }

        foreach (var end in (ReadOnlySpan<Ref>)[Reference, target.Reference])
        {
            if (end.Kind != RefKind.Head)
            {
                throw new InvalidOperationException($"{operation}(\"{type}\") cannot use \"{end}\": it is a read-only ref. Relate things at HEAD, e.g. \"{end.Id}\".");
            }
        }

        return new RelationEdge(T.Noun.Name, Namespace.Value + "/" + Id, type, TOther.Noun.Name, target.Namespace.Value + "/" + target.Id, data);
    }

    private async Task<IReadOnlyList<RelatedThing<TNoun>>> Resolve<TNoun>(string? type, RelationDirection direction, CancellationToken cancellationToken)
        where TNoun : class, INoun<TNoun>
    {
        var edges = await _transport.RelatedAsync(T.Noun, Reference, type, direction, cancellationToken).ConfigureAwait(false);
        var result = new List<RelatedThing<TNoun>>(edges.Count);
        foreach (var edge in edges)
        {
            var (noun, url) = direction == RelationDirection.Outgoing ? (edge.ToNoun, edge.To) : (edge.FromNoun, edge.From);
            if (!string.Equals(noun, TNoun.Noun.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var other = ThingId.Parse(url);
            var at = Reference.Kind == RefKind.AsOf ? Do.Ref.Parse(other.LocalId + "@" + Reference.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture)) : Do.Ref.Head(other.LocalId);
            var json = await _transport.For(other.Namespace).FindAsync(TNoun.Noun, at, cancellationToken).ConfigureAwait(false);
            result.Add(new RelatedThing<TNoun>(url, edge.Type, json is null ? null : NounJson.Deserialize<TNoun>(json), edge.Data));
        }

        return result;
    }
}
