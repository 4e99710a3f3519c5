using Do.Tests.Relationships.Graph;
using Do.Tests.Support;

namespace Do.Tests.Sharding;

/// <summary>Hash shards, hierarchical and colo-suffixed namespaces, and fan-out across shards.</summary>
public sealed class ShardingTests
{
    [Fact]
    public void Ten_thousand_keys_spread_over_eight_shards_within_ten_percent()
    {
        // 1,250 keys a shard: a uniform hash varies by about 33 (one sigma), so ten percent is almost four sigmas. With
        // sixteen shards ten percent is only 2.5 sigmas, and SHA-256 rightly lands two of sixteen outside it.
        const int shards = 8, keys = 10_000;
        var counts = new int[shards];
        for (int i = 0; i < keys; i++)
        {
            counts[Do.Sharding.Index("customer-" + i, shards)]++;
        }

        const double expected = (double)keys / shards;
        Assert.All(counts, c => Assert.InRange(c, expected * 0.9, expected * 1.1));
    }

    [Fact]
    public void The_shard_of_a_key_is_a_stable_function_of_its_bytes()
    {
        // Fixed values: a change here moves every key of every deployed shard set.
        Assert.Equal(Do.Sharding.Index("alice", 16), Do.Sharding.Index("alice", 16));
        Assert.Equal([0, 0, 0], new[] { "alice", "bob", "carol" }.Select(k => Do.Sharding.Index(k, 1)));
        var ns = ObjectNamespace.Parse("https://ledger.example");
        Assert.Equal("https://ledger.example/shard-3", Do.Sharding.ShardNamespace(ns, 3).Value);
        Assert.Equal("https://ledger.example/eu/team-7", Do.Sharding.Hierarchical(ns, "eu", "team-7").Value);
        Assert.Equal("https://ledger.example/room-1-lhr", Do.Sharding.Colocated(ns, "room-1", "LHR").Value);
    }

    [Fact]
    public void Bad_shard_input_names_the_value_and_the_accepted_form()
    {
        var ns = ObjectNamespace.Parse("https://ledger.example");
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => Do.Sharding.Index("a", 0));
        Assert.Contains("1 to 65536", count.Message, StringComparison.Ordinal);
        var segment = Assert.Throws<ArgumentException>(() => Do.Sharding.Hierarchical(ns, "eu/west"));
        Assert.Contains("\"eu/west\"", segment.Message, StringComparison.Ordinal);
        var colo = Assert.Throws<ArgumentException>(() => Do.Sharding.Colocated(ns, "room-1", "l h r"));
        Assert.Contains("ORD", colo.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Do.Sharding.Index("", 4));
    }

    [Fact]
    public async Task A_fan_out_query_sums_every_shard_with_bounded_concurrency()
    {
        using var temp = new TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var shards = host.Shards<Mall>("https://malls.example", 8);
        const int keys = 200;
        for (int i = 0; i < keys; i++)
        {
            await shards.For("g" + i).Gadgets.Create("g" + i, new Gadget { Title = "Gadget " + i, Price = i });
        }

        int running = 0, peak = 0;
        var counts = await shards.FanOut(
            async (shard, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                lock (shards)
                {
                    peak = Math.Max(peak, now);
                }

                try
                {
                    return (await shard.Gadgets.List(ct)).Sum(g => g.Price);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            },
            maxConcurrency: 3);

        Assert.Equal(Enumerable.Range(0, keys).Sum(i => (decimal)i), counts.Sum());
        Assert.Equal(8, counts.Count);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.InRange(peak, 1, 3);
        Assert.Equal("Gadget 42", (await shards.For("g42").Gadget("g42").Get()).Title);
    }
}
