using System.Diagnostics;
using BenchmarkDotNet.Running;
using Do.Benchmarks;
using Do.Benchmarks.Support;

// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --quick      one table of ratios, under 10 minutes
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --filter *   the full suite, out of process
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --short --filter *Writes*   a short out-of-process job (3 iterations)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --fairness [runs] [s] [plain|pool] [ab]   per-object throughput spread (issue 19)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --write-profile [rounds] [writes]   write path: wall, CPU and bytes per write (issue 12)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --invocation-probe [rounds] [full|normal]   64 callers as BenchmarkDotNet invokes them, with group sizes (issue 12, round 18)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --activation-probe [do|raw] [rounds]   cold activation alone, for strace and perf (issue 12)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --read-probe [versions]   reads that walk a thing's versions (issue 12, round 10)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --alloc-probe [writes]   what a sync verb allocates, by type (issue 12)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --insert-probe [rounds] [groups]   each statement of a group member, and what each part of the schema adds (issue 12)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --write-floor [rounds] [writes] [raw|floor|verb]   a sync verb against its own SQL run raw (issue 12)
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --search-profile [queries]   search latency, Stopwatch
// dotnet run -c Release --project benchmarks/Do.Sdk.Benchmarks -- --generator-profile [nouns] [rounds] [other Do.Sdk.Generators.dll ...]   generator cold runs, A/B
if (args is ["--invocation-probe", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    return await InvocationProbe.Run(rounds, args.Length > 2 && args[2] == "normal" ? Do.SynchronousMode.Normal : Do.SynchronousMode.Full);
}

if (args is ["--memory-probe", var count])
{
    return await MemoryProbe.RunChild(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["--fairness", ..])
{
    var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    return await FairnessProbe.Run(runs, TimeSpan.FromSeconds(seconds), pool: args.Length > 3 && args[3] == "pool", alternate: args.Length > 4 && args[4] == "ab");
}

if (args is ["--write-profile", "fsync", ..])
{
    var writes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
    return await WriteProfile.RunForSyscalls(writes, async: args.Length <= 3 || args[3] != "sync");
}

if (args is ["--write-profile", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 6;
    var ops = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_048;
    var only = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : -1;
    return await WriteProfile.Run(rounds, ops, only);
}

if (args is ["--read-probe", ..])
{
    return ReadProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args is ["--activation-probe", ..])
{
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
    return await ActivationProbe.Run(args.Length > 1 ? args[1] : "do", rounds);
}

if (args is ["--alloc-probe", ..])
{
    return await AllocProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40_000);
}

if (args is ["--write-floor", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 6;
    var ops = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_048;
    return await WriteFloor.Run(rounds, ops, args.Length > 3 ? args[3] : null);
}

if (args is ["--insert-probe", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
    var groups = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100;
    return await InsertProbe.Run(rounds, groups);
}

if (args is ["--search-profile", ..])
{
    return await SearchProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
}

if (args is ["--generator-profile", ..])
{
    var nouns = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
    return GeneratorProfile.Run(nouns, rounds, [.. args.Skip(3)]);
}

var results = Paths.Results();
if (args.Contains("--quick") && (!args.Contains("--filter") || args.Any(a => a.Contains("Search", StringComparison.OrdinalIgnoreCase))))
{
    // Built (or found in the cache) before BenchmarkDotNet starts: in process, a setup that runs for minutes is
    // stopped as "takes too long to run".
    Console.WriteLine($"Search fixture: {SearchFixture.DataPath()}");
}

if (args.Contains("--quick") && args.Contains("--filter"))
{
    // Quick job on a subset, e.g. -- --quick --filter *Calls*: BenchmarkDotNet's tables, no ratio table.
    BenchmarkSwitcher.FromAssembly(typeof(QuickMode).Assembly).Run([.. args.Where(a => a != "--quick")], BenchConfigs.Quick(Path.Combine(results, "quick")));
    return 0;
}

if (args.Contains("--quick"))
{
    var started = Stopwatch.GetTimestamp();
    MachineInfo.Write(Path.Combine(results, "machine.md"));
    Console.WriteLine("Memory per active object (child processes): 1,000 objects ...");
    var memory1K = MemoryProbe.Measure(1_000);
    Console.WriteLine("Memory per active object (child processes): 10,000 objects ...");
    var memory10K = MemoryProbe.Measure(10_000);
    var summaries = BenchmarkRunner.Run(QuickMode.Benchmarks, BenchConfigs.Quick(Path.Combine(results, "quick")));
    var table = QuickMode.Report(summaries, memory1K, memory10K, Stopwatch.GetElapsedTime(started));
    File.WriteAllText(Path.Combine(results, "quick-summary.md"), table);
    Console.WriteLine();
    Console.WriteLine(table);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

if (args.Contains("--short"))
{
    // Short out-of-process job on a subset, e.g. -- --short --filter '*SyncVerb_64*': process isolation like the full
    // job in minutes instead of tens of them (BenchmarkDotNet's own --job short does not apply: this project's config
    // brings its job). Results go to results/short, which git ignores: the committed figures come from full runs.
    BenchmarkSwitcher.FromAssembly(typeof(QuickMode).Assembly).Run([.. args.Where(a => a != "--short")], BenchConfigs.Short(Path.Combine(results, "short")));
    return 0;
}

MachineInfo.Write(Path.Combine(results, "machine.md"));
BenchmarkSwitcher.FromAssembly(typeof(QuickMode).Assembly).Run(args, BenchConfigs.Full(Path.Combine(results, "full")));
return 0;
