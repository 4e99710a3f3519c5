namespace Do;

/// <summary>Sharding helpers on <see cref="DoHost"/>.</summary>
public static class DoHostShardExtensions
{
    /// <summary>
    /// <paramref name="count"/> objects of <typeparamref name="TObject"/> under <paramref name="baseNamespace"/>
    /// (<c>{base}/shard-0</c> …), split by a stable hash of a key: <c>host.Shards&lt;Ledger&gt;("https://ledger.example", 16).For("alice")</c>.
    /// </summary>
    /// <exception cref="InvalidNamespaceException">The base namespace is not an absolute http(s) URL.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is not between 1 and <see cref="Sharding.MaxShards"/>.</exception>
    public static ShardSet<TObject> Shards<TObject>(this DoHost host, string baseNamespace, int count)
        where TObject : DurableObject, new()
    {
        ArgumentNullException.ThrowIfNull(host);
        return new ShardSet<TObject>(ObjectNamespace.Parse(baseNamespace), count, host.Object<TObject>);
    }
}
