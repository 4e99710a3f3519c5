using System.Diagnostics;
using Do.Benchmarks.Support;
using static System.FormattableString;

namespace Do.Benchmarks;

/// <summary>
/// Cold activation without BenchmarkDotNet, for profilers and syscall counts: the paths of
/// <see cref="ActivationBenchmarks"/> (200 objects deactivated, then each one's first read; or the raw open and read of
/// the same files), one of them per process, so that <c>strace -c</c> or <c>perf</c> sees only that path.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --activation-probe [do|raw] [rounds]</code>
/// </summary>
internal static class ActivationProbe
{
    public static async Task<int> Run(string path, int rounds)
    {
        var dataPath = ActivationFixture.DataPath(ActivationBenchmarks.Ops);
        var namespaces = ActivationFixture.Namespaces(ActivationBenchmarks.Ops);
        var perOp = new List<double>();
        if (path == "raw")
        {
            var files = ActivationFixture.Files(dataPath, namespaces);
            for (int round = 0; round < rounds; round++)
            {
                var started = Stopwatch.GetTimestamp();
                var open = files.Select(ActivationFixture.OpenAndRead).ToList();

                perOp.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / files.Length);
                open.ForEach(c => c.Dispose());
            }
        }
        else
        {
            await using var host = await BenchHost.StartAsync(dataPath);
            var refs = namespaces.Select(ns => host.Object<Business>(ns).Ref<Startup>("acme")).ToArray();
            for (int round = 0; round < rounds; round++)
            {
                foreach (var ns in namespaces)
                {
                    await host.DeactivateAsync(ns);
                }

                var started = Stopwatch.GetTimestamp();
                foreach (var thing in refs)
                {
                    await thing.Get();
                }

                perOp.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / refs.Length);
            }
        }

        perOp.Sort();
        Console.WriteLine(Invariant($"{path}: {rounds} rounds of {namespaces.Length} activations, median {perOp[perOp.Count / 2]:0} µs, fastest {perOp[0]:0} µs per activation"));
        return 0;
    }
}
