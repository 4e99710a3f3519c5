using Do.Execution;
using Do.Hosting;

namespace Do;

/// <summary>
/// A typed ref to one thing (<c>ctx.Startup("acme")</c>, <c>ctx.Startup("acme@~1")</c>,
/// <c>ctx.Startup("https://other.example/acme")</c>). Reads resolve the ref; the generator adds one method per verb,
/// which runs on HEAD. Every call is a turn of the object that holds the thing.
/// </summary>
/// <typeparam name="T">The noun.</typeparam>
public sealed class ThingRef<T>
    where T : class, INoun<T>
{
    private readonly ObjectTarget _target;

    internal ThingRef(ObjectTarget target, Ref reference)
    {
        Reference = reference;
        _target = reference.Namespace is { } other && other != target.Namespace
            ? target.Retarget(other)
            : target;
        if (reference.Id.Length == 0)
        {
            throw new InvalidRefException(reference.ToString(), $"a {T.Noun.Name} ref needs an id before '@'");
        }
    }

    /// <summary>The parsed ref.</summary>
    public Ref Reference { get; }

    /// <summary>The local id of the thing.</summary>
    public string Id => Reference.Id;

    /// <summary>The namespace of the object that holds the thing.</summary>
    public ObjectNamespace Namespace => _target.Namespace;

    /// <summary>Reads the thing at this ref.</summary>
    /// <exception cref="ThingNotFoundException">Nothing, or a delete, is at this ref.</exception>
    public async Task<T> Get(CancellationToken cancellationToken = default)
        => await Find(cancellationToken).ConfigureAwait(false)
           ?? throw new ThingNotFoundException(T.Noun.Name, Reference.ToString(), await DescribeMissAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the thing at this ref, or null when nothing (or a delete) is there.</summary>
    public Task<T?> Find(CancellationToken cancellationToken = default)
        => _target.RunAsync(activation =>
        {
            var row = activation.Database.Things.Get(activation.EnsureNoun(T.Noun), Reference);
            return ValueTask.FromResult(row is null || row.Deleted ? null : NounJson.Deserialize<T>(row.Data!));
        }, cancellationToken);

    /// <summary>Every version of the thing, newest first.</summary>
    public Task<IReadOnlyList<ThingVersion<T>>> History(CancellationToken cancellationToken = default)
        => _target.RunAsync(activation =>
        {
            var rows = activation.Database.Things.History(activation.EnsureNoun(T.Noun), Id);
            var result = new List<ThingVersion<T>>(rows.Count);
            foreach (var entry in rows)
            {
                var value = entry.Thing.Data is null ? null : NounJson.Deserialize<T>(entry.Thing.Data);
                result.Add(new ThingVersion<T>(entry.Thing.Version, value, entry.Thing.Deleted, entry.Verb, entry.At));
            }

            return ValueTask.FromResult<IReadOnlyList<ThingVersion<T>>>(result);
        }, cancellationToken);

    /// <summary>How verbs called through this ref run: <see cref="Durability.Do"/> unless <see cref="AsTry"/> or <see cref="AsSend"/> chose otherwise.</summary>
    public Durability Durability { get; private init; } = Durability.Do;

    /// <summary>This ref with verbs run as <c>Try</c>: one attempt with the timeout, awaited, recorded, never resumed.</summary>
    public ThingRef<T> AsTry() => new(_target, Reference) { Durability = Durability.Try };

    /// <summary>This ref with verbs run as <c>Send</c>: started in the background, the call returns at once; not persisted before it runs, not retried.</summary>
    public ThingRef<T> AsSend() => new(_target, Reference) { Durability = Durability.Send };

    /// <summary>
    /// Runs a verb on HEAD of the thing as one turn of its object, at this ref's <see cref="Durability"/>: reads it,
    /// applies <paramref name="apply"/>, and appends the new version with its action (verb, input) and event
    /// (<c>Noun.event</c>) in one transaction. Called by generated verb methods; if every attempt fails, no state is
    /// written.
    /// </summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    /// <exception cref="ActionFailedException">An async verb failed for good (every attempt failed or timed out).</exception>
    /// <exception cref="InvalidOperationException">The ref is read-only (a version, an ancestor or a time).</exception>
    public Task Invoke(VerbInfo verb, string? inputJson, Func<T, Context, ValueTask> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(apply);
        if (Reference.Kind != RefKind.Head)
        {
            throw new InvalidOperationException($"{T.Noun.Name}.{verb.Name} cannot run on \"{Reference}\": a verb changes HEAD, and that ref is read-only. Call it on \"{Id}\".");
        }

        VerbExecution.Apply typed = async (json, ctx) =>
        {
            var thing = NounJson.Deserialize<T>(json);
            await apply(thing, ctx).ConfigureAwait(false);
            return NounJson.Serialize(thing);
        };
        var durability = Durability;
        if (durability == Durability.Send)
        {
            // Fire-and-forget: started now, not awaited; failures are logged by the host.
            var sent = _target.RunAsync(
                async activation =>
                {
                    await VerbExecution.RunAsync(activation, T.Noun, Id, verb, inputJson, durability, typed, null, CancellationToken.None).ConfigureAwait(false);
                    return true;
                },
                CancellationToken.None);
            _target.Host.Observe(sent, $"{T.Noun.Name}.{verb.Name} sent to \"{Id}\"");
            return Task.CompletedTask;
        }

        if (!verb.IsAsync)
        {
            // A pure state transition: eligible for group commit with other callers of this object.
            return _target.Host.RunGroupedAsync(_target, activation => VerbExecution.RunAsync(activation, T.Noun, Id, verb, inputJson, durability, typed, null, cancellationToken), cancellationToken);
        }

        return _target.RunAsync(
            async activation =>
            {
                await VerbExecution.RunAsync(activation, T.Noun, Id, verb, inputJson, durability, typed, null, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private Task<string> DescribeMissAsync(CancellationToken cancellationToken)
        => _target.RunAsync(activation =>
        {
            var history = activation.Database.Things.History(activation.EnsureNoun(T.Noun), Id);
            string reason = history.Count == 0
                ? $"there is no {T.Noun.Name} with id \"{Id}\" in {Namespace}"
                : Reference.Kind == RefKind.Head && history[0].Thing.Deleted
                    ? $"it was deleted at v{history[0].Thing.Version}; read \"{Id}@~1\" for the version before"
                    : $"\"{Id}\" has {history.Count} version(s) (newest v{history[0].Thing.Version}, oldest v{history[^1].Thing.Version})";
            return ValueTask.FromResult(reason);
        }, cancellationToken);
}
