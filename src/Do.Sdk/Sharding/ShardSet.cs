namespace Do;

/// <summary>
/// A fixed number of objects of one class that split a key space: <c>host.Shards&lt;Ledger&gt;("https://ledger.example", 16)</c>.
/// <see cref="For"/> picks the shard of a key by a stable hash; <see cref="FanOut{TResult}"/> runs a query on every shard
/// with bounded concurrency. The count is part of the data's address: changing it moves keys to other shards.
/// </summary>
/// <typeparam name="TObject">The object class of every shard.</typeparam>
public sealed class ShardSet<TObject>
    where TObject : DurableObject, new()
{
    private readonly ObjectClient<TObject>[] _shards;

    /// <summary>Creates a set of <paramref name="count"/> shards under <paramref name="baseNamespace"/>, each opened with <paramref name="open"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is not between 1 and <see cref="Sharding.MaxShards"/>.</exception>
    public ShardSet(ObjectNamespace baseNamespace, int count, Func<ObjectNamespace, ObjectClient<TObject>> open)
    {
        ArgumentNullException.ThrowIfNull(baseNamespace);
        ArgumentNullException.ThrowIfNull(open);
        Sharding.CheckCount(count);
        Base = baseNamespace;
        _shards = new ObjectClient<TObject>[count];
        for (int i = 0; i < count; i++)
        {
            _shards[i] = open(Sharding.ShardNamespace(baseNamespace, i));
        }
    }

    /// <summary>The base namespace; shard <c>n</c> is <c>{Base}/shard-{n}</c>.</summary>
    public ObjectNamespace Base { get; }

    /// <summary>The number of shards.</summary>
    public int Count => _shards.Length;

    /// <summary>Every shard, in index order.</summary>
    public IReadOnlyList<ObjectClient<TObject>> All => _shards;

    /// <summary>The shard that owns <paramref name="key"/> (<see cref="Sharding.Index"/>).</summary>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    public ObjectClient<TObject> For(string key) => _shards[Sharding.Index(key, _shards.Length)];

    /// <summary>
    /// Runs <paramref name="query"/> on every shard, at most <paramref name="maxConcurrency"/> at a time, and returns the
    /// results in shard order. The first failure is rethrown after the running queries end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is below 1.</exception>
    public async Task<IReadOnlyList<TResult>> FanOut<TResult>(Func<ObjectClient<TObject>, CancellationToken, Task<TResult>> query, int maxConcurrency = 4, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (maxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, $"A fan-out concurrency of {maxConcurrency} is out of range. Expected 1 or more, e.g. 4.");
        }

        var results = new TResult[_shards.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _shards.Length),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await query(_shards[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
