using System.Globalization;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>
/// Issue 12's write-path goals measured side by side, round after round, in one process: raw 1 row/tx and the verb
/// paths of <see cref="DurableWriteBenchmarks"/>, each phase reporting wall time, process CPU time and managed bytes
/// allocated per write. On a shared machine wall time swings with the load; CPU time and allocations per write do not,
/// so they are the figures to compare between builds. Also the 64-caller case with the drain as it was before the
/// fairness change (<c>DoHostOptions.InlineDrain</c>), to tell the drain's share from the verb's.
/// <code>dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --write-profile [rounds] [writes per phase] [phase]</code>
/// A phase index (0 = raw NORMAL … 5 = async verb, 6 = the 1-caller sync verb with exclusive locking, 7 = 64 callers on one
/// thing, 8 and 9 = 64 callers under FULL and 1 caller under NORMAL spread over 4,096 things, 10 = 64 callers under
/// NORMAL, 11 = the 1-caller sync verb in an object that also holds a noun with an <c>[Indexed]</c> property, 12 and 13 =
/// <c>Collection.Update</c> from 64 callers under FULL and from 1 caller under NORMAL) runs that phase alone, for
/// <c>perf record</c>.
/// <c>--write-profile fsync [actions] [sync|async]</c> only runs that many writes on a FULL host, for
/// <c>strace -f -c -e trace=fsync,fdatasync</c>: the difference between two counts (N and 0 writes) divided by N is the
/// fsyncs per write.
/// </summary>
public static class WriteProfile
{
    /// <summary>How long the selected phases run before the first round, as <c>DurableWriteBenchmarks</c> warms up.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> Run(int rounds, int ops, int only = -1)
    {
        using var folder = new TempFolder("write-profile");
        await using var normal = await Open(folder, "normal", SynchronousMode.Normal, inline: false);
        await using var exclusive = await Open(folder, "exclusive", SynchronousMode.Normal, inline: false, exclusive: true);
        await using var full = await Open(folder, "full", SynchronousMode.Full, inline: false);
        await using var fullInline = await Open(folder, "full-inline", SynchronousMode.Full, inline: true);
        using var rawNormal = RawRowWriter.Create(Path.Combine(folder.Path, "raw-normal.db"), SynchronousMode.Normal);
        using var rawFull = RawRowWriter.Create(Path.Combine(folder.Path, "raw-full.db"), SynchronousMode.Full);
        await using var indexed = only is < 0 or 11 ? await Open(folder, "indexed", SynchronousMode.Normal, inline: false, indexed: true) : null;
        var wide = only is < 0 or 8 or 9;
        await using var wideFull = wide ? await Open(folder, "wide-full", SynchronousMode.Full, inline: false, things: WideThings) : null;
        await using var wideNormal = wide ? await Open(folder, "wide-normal", SynchronousMode.Normal, inline: false, things: WideThings) : null;

        var phases = new (string Name, Func<Task> Run)[]
        {
            ("raw 1 row/tx NORMAL", () => { rawNormal.Insert(ops); return Task.CompletedTask; }),
            ("sync verb 1 caller NORMAL", () => Bounded.Loop(ops, _ => normal.Startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("raw 1 row/tx FULL", () => { rawFull.Insert(ops / 4); return Task.CompletedTask; }),
            ("sync verb 64 callers FULL", () => Bounded.Concurrent(64, ops, (caller, _) => full.Startups[caller].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("  same, InlineDrain", () => Bounded.Concurrent(64, ops, (caller, _) => fullInline.Startups[caller].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("async verb 1 caller FULL", () => Bounded.Loop(ops / 4, _ => full.Job.Invoke(Job.RunVerb, null, BenchVerbs.RunOnce))),
            ("sync verb 1 caller NORMAL, ExclusiveFileLocking", () => Bounded.Loop(ops, _ => exclusive.Startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("sync verb 64 callers FULL, all on one thing", () => Bounded.Concurrent(64, ops, (_, _) => full.Startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("sync verb 64 callers FULL, spread over 4,096 things", () => Bounded.Concurrent(64, ops, (_, i) => wideFull!.Startups[Spread(i)].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("sync verb 1 caller NORMAL, spread over 4,096 things", () => Bounded.Loop(ops, i => wideNormal!.Startups[Spread(i)].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("sync verb 64 callers NORMAL", () => Bounded.Concurrent(64, ops, (caller, _) => normal.Startups[caller].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("sync verb 1 caller NORMAL, beside an [Indexed] noun", () => Bounded.Loop(ops, _ => indexed!.Startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1))),
            ("update through the collection, 64 callers FULL", () => Bounded.Concurrent(64, ops, (caller, i) => full.Collection.Update("s" + caller, new Startup { Name = "Startup " + caller, Priority = i }))),
            ("update through the collection, 1 caller NORMAL", () => Bounded.Loop(ops, i => normal.Collection.Update("s0", new Startup { Name = "Startup 0", Priority = i }))),
        };
        var perOp = new[] { ops, ops, ops / 4, ops, ops, ops / 4, ops, ops, ops, ops, ops, ops, ops, ops };
        var wall = phases.Select(_ => new List<double>()).ToArray();
        var cpu = phases.Select(_ => new List<double>()).ToArray();
        var bytes = phases.Select(_ => new List<double>()).ToArray();
        var groupSize = phases.Select(_ => new List<double>()).ToArray();
        var committing = phases.Select(_ => new List<double>()).ToArray();
        using var groups = new GroupSizeProbe();
        Console.WriteLine(Invariant($"Write profile: {rounds} rounds, {ops} writes per phase (FULL raw and async: {ops / 4}), {Environment.ProcessorCount} cores"));

        // Tiered compilation keeps recompiling the verb path for the first seconds of a process (benchmarks/README.md,
        // round 6): without this, short runs measured the JIT (57 µs per verb for 64 callers on one thing over 6 rounds,
        // 39 µs over 30).
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            for (int p = 0; p < phases.Length; p++)
            {
                if (only < 0 || p == only)
                {
                    await phases[p].Run();
                }
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int p = 0; p < phases.Length; p++)
            {
                if (only >= 0 && p != only)
                {
                    continue;
                }

                groups.Take();
                var cost = await PhaseCost.Measure(phases[p].Run, perOp[p]);
                var (committed, members, commitTime) = groups.Take();
                if (round == 0)
                {
                    continue; // one more warm-up round: first pages, the pool's threads
                }

                wall[p].Add(cost.WallMicros);
                cpu[p].Add(cost.CpuMicros);
                bytes[p].Add(cost.Bytes);
                groupSize[p].Add(committed == 0 ? double.NaN : (double)members / committed);
                committing[p].Add(commitTime.TotalMicroseconds / perOp[p]);
            }

            Console.Write('.');
        }

        Console.WriteLine();
        Console.WriteLine("| Phase | wall µs/write (median) | writes/s | CPU µs/write (median) | bytes/write | verbs per group commit (median) | group COMMIT µs/write (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (int p = 0; p < phases.Length; p++)
        {
            if (wall[p].Count == 0)
            {
                continue;
            }

            var w = Median(wall[p]);
            Console.WriteLine(Invariant($"| {phases[p].Name} | {w:0.0} | {1e6 / w:0} | {Median(cpu[p]):0.0} | {Median(bytes[p]):0} | {Median(groupSize[p]):0.0} | {Median(committing[p]):0.0} |"));
        }

        if (only >= 0)
        {
            return 0;
        }

        var ratio1 = Median(wall[0]) / Median(wall[1]);
        var ratio64 = Median(wall[2]) / Median(wall[3]);
        Console.WriteLine(Invariant($"sync verb NORMAL ÷ raw NORMAL (throughput): {ratio1:0.00}× (goal ≥ 0.5×); 64 callers FULL ÷ raw FULL: {ratio64:0.0}× (goal ≥ 10×)"));
        return 0;
    }

    /// <summary>Only writes, for counting syscalls from outside: <paramref name="count"/> async (or sync) verbs on a FULL host.</summary>
    public static async Task<int> RunForSyscalls(int count, bool async)
    {
        using var folder = new TempFolder("write-syscalls");
        await using var host = await Open(folder, "full", SynchronousMode.Full, inline: false);
        for (int i = 0; i < count; i++)
        {
            if (async)
            {
                await host.Job.Invoke(Job.RunVerb, null, BenchVerbs.RunOnce);
            }
            else
            {
                await host.Startups[0].Invoke(Startup.PrioritizeVerb, """{"by":1}""", BenchVerbs.Prioritize1);
            }
        }

        Console.WriteLine(Invariant($"{count} {(async ? "async" : "sync")} verbs written under FULL"));
        return 0;
    }

    /// <summary>
    /// How many things the spread phases write: more than the store's cache of HEAD rows holds, so most verbs read their
    /// thing's HEAD from the file, and each group commit's writes land on as many different things as it has members.
    /// </summary>
    private const int WideThings = 4096;

    /// <summary>The thing the <paramref name="i"/>-th write of a spread phase goes to: a fixed pseudo-random walk over all of them.</summary>
    private static int Spread(int i) => (int)((uint)(i * 2654435761u) % WideThings);

    /// <summary>
    /// Opens a host with one object of <paramref name="things"/> startups and a job; <paramref name="indexed"/> adds a
    /// customer, whose noun has an <c>[Indexed]</c> email, so the object's file holds that noun's index as well.
    /// </summary>
    private static async Task<Target> Open(TempFolder folder, string name, SynchronousMode synchronous, bool inline, bool exclusive = false, int things = 64, bool indexed = false)
    {
        var host = await BenchHost.StartAsync(Path.Combine(folder.Path, name), synchronous, configure: o =>
        {
            o.InlineDrain = inline;
            o.ExclusiveFileLocking = exclusive;
        });
        var studio = host.Object<Business>(BenchHost.Ns);
        var startups = new ThingRef<Startup>[things];
        for (int i = 0; i < startups.Length; i++)
        {
            await studio.Collection<Startup>().Create("s" + i, new Startup { Name = "Startup " + i });
            startups[i] = studio.Ref<Startup>("s" + i);
        }

        await studio.Collection<Job>().Create("job", new Job { Name = "job" });
        if (indexed)
        {
            await studio.Collection<Customer>().Create("c0", new Customer { Name = "Customer 0", Email = "c0@example.com" });
        }

        return new Target(host, startups, studio.Ref<Job>("job"), studio.Collection<Startup>());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Target(DoHost Host, ThingRef<Startup>[] Startups, ThingRef<Job> Job, ThingCollection<Startup> Collection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
