using Do.Transport;

namespace Do;

/// <summary>
/// The things of one noun in one object (<c>ctx.Startups</c>, <c>studio.Customers</c>). Every call runs as a turn of
/// the object; writes append to the version log and commit their action and event with them.
/// </summary>
/// <typeparam name="T">The noun.</typeparam>
public sealed partial class ThingCollection<T>
    where T : class, INoun<T>
{
    private readonly IObjectTransport _transport;

    internal ThingCollection(IObjectTransport transport) => _transport = transport;

    /// <summary>The namespace of the object that holds the things.</summary>
    public ObjectNamespace Namespace => _transport.Namespace;

    /// <summary>Creates the thing <paramref name="id"/>.</summary>
    /// <exception cref="ThingAlreadyExistsException">A live <typeparamref name="T"/> with that id exists.</exception>
    /// <exception cref="InvalidThingIdException">The id is not a valid local id.</exception>
    public async Task<T> Create(string id, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        Storage.ThingStore.ValidateId(id);
        await _transport.WriteAsync(T.Noun, id, ThingWrite.Create, NounJson.Serialize(value), cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>Reads a thing at a ref: <c>acme</c>, <c>acme@v12</c>, <c>acme@~1</c>, <c>acme@main</c> or <c>acme@2026-11-23T09:00Z</c>.</summary>
    /// <exception cref="ThingNotFoundException">Nothing (or a delete) is at that ref.</exception>
    public Task<T> Get(string reference, CancellationToken cancellationToken = default)
        => Ref(reference).Get(cancellationToken);

    /// <summary>Reads a thing at a ref, or null when nothing (or a delete) is there.</summary>
    public Task<T?> Find(string reference, CancellationToken cancellationToken = default)
        => Ref(reference).Find(cancellationToken);

    /// <summary>A typed ref to one thing of this collection.</summary>
    public ThingRef<T> Ref(string reference) => new(_transport, Do.Ref.Parse(reference));

    /// <summary>HEAD of every live thing of this noun, ordered by id.</summary>
    public async Task<IReadOnlyList<T>> List(CancellationToken cancellationToken = default)
    {
        var rows = await _transport.ListAsync(T.Noun, cancellationToken).ConfigureAwait(false);
        var result = new List<T>(rows.Count);
        foreach (var json in rows)
        {
            result.Add(NounJson.Deserialize<T>(json));
        }

        return result;
    }

    /// <summary>Replaces the thing <paramref name="id"/> with <paramref name="value"/>, appending a version.</summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    public async Task<T> Update(string id, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        Storage.ThingStore.ValidateId(id);
        await _transport.WriteAsync(T.Noun, id, ThingWrite.Update, NounJson.Serialize(value), cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>Deletes the thing <paramref name="id"/> (appends a tombstone; history stays readable).</summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is already deleted.</exception>
    public Task Delete(string id, CancellationToken cancellationToken = default)
        => _transport.WriteAsync(T.Noun, id, ThingWrite.Delete, null, cancellationToken);

    /// <summary>The top-level fields that differ between two refs of a thing, e.g. <c>Diff("acme@~1", "acme")</c>.</summary>
    public Task<IReadOnlyList<FieldChange>> Diff(string refA, string refB, CancellationToken cancellationToken = default)
        => _transport.DiffAsync(T.Noun, refA, refB, cancellationToken);

    /// <summary>Every version of the thing <paramref name="id"/>, newest first.</summary>
    public Task<IReadOnlyList<ThingVersion<T>>> History(string id, CancellationToken cancellationToken = default)
        => Ref(id).History(cancellationToken);
}
