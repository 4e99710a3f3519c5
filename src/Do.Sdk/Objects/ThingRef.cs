using Do.Transport;

namespace Do;

/// <summary>
/// A typed ref to one thing (<c>ctx.Startup("acme")</c>, <c>ctx.Startup("acme@~1")</c>,
/// <c>ctx.Startup("https://other.example/acme")</c>). Reads resolve the ref; the generator adds one method per verb,
/// which runs on HEAD. Every call is a turn of the object that holds the thing, reached through its
/// <see cref="IObjectTransport"/> (in this process, over HTTP or on a cluster).
/// </summary>
/// <typeparam name="T">The noun.</typeparam>
public sealed partial class ThingRef<T>
    where T : class, INoun<T>
{
    private readonly IObjectTransport _transport;

    internal ThingRef(IObjectTransport transport, Ref reference)
    {
        Reference = reference;
        _transport = reference.Namespace is { } other && other != transport.Namespace
            ? transport.For(other)
            : transport;
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
    public ObjectNamespace Namespace => _transport.Namespace;

    /// <summary>Reads the thing at this ref.</summary>
    /// <exception cref="ThingNotFoundException">Nothing, or a delete, is at this ref.</exception>
    public async Task<T> Get(CancellationToken cancellationToken = default)
        => NounJson.Deserialize<T>(await _transport.GetAsync(T.Noun, Reference, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads the thing at this ref, or null when nothing (or a delete) is there.</summary>
    public async Task<T?> Find(CancellationToken cancellationToken = default)
        => await _transport.FindAsync(T.Noun, Reference, cancellationToken).ConfigureAwait(false) is { } json
            ? NounJson.Deserialize<T>(json)
            : null;

    /// <summary>Every version of the thing, newest first.</summary>
    public async Task<IReadOnlyList<ThingVersion<T>>> History(CancellationToken cancellationToken = default)
    {
        var rows = await _transport.HistoryAsync(T.Noun, Id, cancellationToken).ConfigureAwait(false);
        var result = new List<ThingVersion<T>>(rows.Count);
        foreach (var row in rows)
        {
            var value = row.Json is null ? null : NounJson.Deserialize<T>(row.Json);
            result.Add(new ThingVersion<T>(row.Version, value, row.Deleted, row.Verb, row.At));
        }

        return result;
    }

    /// <summary>How verbs called through this ref run: <see cref="Durability.Do"/> unless <see cref="AsTry"/> or <see cref="AsSend"/> chose otherwise.</summary>
    public Durability Durability { get; private init; } = Durability.Do;

    /// <summary>This ref with verbs run as <c>Try</c>: one attempt with the timeout, awaited, recorded, never resumed.</summary>
    public ThingRef<T> AsTry() => new(_transport, Reference) { Durability = Durability.Try };

    /// <summary>This ref with verbs run as <c>Send</c>: started in the background, the call returns at once; not persisted before it runs, not retried.</summary>
    public ThingRef<T> AsSend() => new(_transport, Reference) { Durability = Durability.Send };

    /// <summary>True when verbs called through this ref are queued (<see cref="AsQueued"/>).</summary>
    public bool IsQueued { get; private init; }

    /// <summary>
    /// This ref with verbs queued: the call returns once the action is durably recorded as pending; it then runs as a
    /// <c>Do</c> action (retried, resumed after a crash) in a turn of its own. A verb with a value returns <c>default</c>.
    /// Every transport carries it (the embedded host, HTTP, Orleans): the object records the action where it lives.
    /// </summary>
    public ThingRef<T> AsQueued() => new(_transport, Reference) { Durability = Durability.Do, IsQueued = true };

    /// <summary>
    /// Runs a verb on HEAD of the thing as one turn of its object, at this ref's <see cref="Durability"/>: reads it,
    /// applies <paramref name="apply"/>, and appends the new version with its action (verb, input) and event
    /// (<c>Noun.event</c>) in one transaction. Called by generated verb methods; if every attempt fails, no state is
    /// written. Where the object lives in another process, <paramref name="apply"/> is not used: the verb runs there,
    /// by name, with <paramref name="inputJson"/>.
    /// </summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    /// <exception cref="ActionFailedException">An async verb failed for good (every attempt failed or timed out).</exception>
    /// <exception cref="InvalidOperationException">The ref is read-only (a version, an ancestor or a time).</exception>
    public async Task Invoke(VerbInfo verb, string? inputJson, Func<T, Context, ValueTask> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _ = await InvokeCore(
            verb,
            inputJson,
            async (json, ctx) =>
            {
                var thing = NounJson.Deserialize<T>(json);
                await apply(thing, ctx).ConfigureAwait(false);
                return new VerbResult(NounJson.Serialize(thing), null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a verb that returns a value, like <see cref="Invoke(VerbInfo, string?, Func{T, Context, ValueTask}, CancellationToken)"/>,
    /// and returns that value. The value is recorded as the action's output (<paramref name="writeOutput"/> gives its
    /// JSON) and travels back as JSON from an object in another process (<paramref name="readOutput"/> reads it).
    /// Called by generated verb methods. A verb sent with <see cref="AsSend"/> returns <c>default</c>: it has not run yet.
    /// </summary>
    public async Task<TResult> Invoke<TResult>(VerbInfo verb, string? inputJson, Func<T, Context, ValueTask<TResult>> apply, Func<TResult, string> writeOutput, Func<string, TResult> readOutput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(writeOutput);
        ArgumentNullException.ThrowIfNull(readOutput);
        var output = await InvokeCore(
            verb,
            inputJson,
            async (json, ctx) =>
            {
                var thing = NounJson.Deserialize<T>(json);
                var result = await apply(thing, ctx).ConfigureAwait(false);
                return new VerbResult(NounJson.Serialize(thing), writeOutput(result));
            },
            cancellationToken).ConfigureAwait(false);
        return output is null ? default! : readOutput(output);
    }

    private Task<string?> InvokeCore(VerbInfo verb, string? inputJson, Execution.VerbExecution.Apply local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verb);
        if (Reference.Kind != RefKind.Head)
        {
            throw new InvalidOperationException($"{T.Noun.Name}.{verb.Name} cannot run on \"{Reference}\": a verb changes HEAD, and that ref is read-only. Call it on \"{Id}\".");
        }

        var call = new VerbCall { Noun = T.Noun, Id = Id, Verb = verb, InputJson = inputJson, Durability = Durability, Queued = IsQueued, LocalThing = local };
        return _transport.InvokeAsync(call, cancellationToken);
    }
}
