using System.Diagnostics;
using Orleans;

namespace Do.Benchmarks.Support;

/// <summary>A trivial grain: Ping answers at once; CallOther calls another grain's Ping in sequence from inside its own turn.</summary>
[Alias("Do.Benchmarks.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> Ping();

    [Alias("CallOther")]
    Task<int> CallOther(long other, int count);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping() => Task.FromResult(1);

    public async Task<int> CallOther(long other, int count)
    {
        var target = GrainFactory.GetGrain<IPingGrain>(other);
        var started = Stopwatch.GetTimestamp();
        int sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += await target.Ping();
            Bounded.Check(started, i, count);
        }

        return sum;
    }
}
