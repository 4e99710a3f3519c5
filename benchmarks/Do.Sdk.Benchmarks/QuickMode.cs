using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using Do.Benchmarks.Support;

namespace Do.Benchmarks;

/// <summary>What <c>--quick</c> runs, and the one table of ratios it prints (also written to <c>results/quick-summary.md</c>).</summary>
public static class QuickMode
{
    /// <summary>Every benchmark class quick mode runs.</summary>
    public static readonly Type[] Benchmarks =
    [
        typeof(DurableWriteBenchmarks),
        typeof(ReadBenchmarks),
        typeof(CallBenchmarks),
        typeof(ActivationBenchmarks),
        typeof(EventDispatchBenchmarks),
        typeof(GeneratorBenchmarks),
        typeof(HttpVerbBenchmarks),
        typeof(SearchBenchmarks),
    ];

    private const string Full = "Full";
    private const string Normal = "Normal";

    public static string Report(Summary[] summaries, MemoryProbe.Result memory1K, MemoryProbe.Result memory10K, TimeSpan elapsed)
    {
        var rows = new List<string>();
        void Row(string what, Case ours, Case baseline, Goal goal)
        {
            var a = Find(summaries, ours);
            var b = Find(summaries, baseline);
            string ratio = "n/a", met = "n/a";
            if (a is not null && b is not null)
            {
                // Throughput ratio (ours per second / baseline per second), or a time ratio where the goal is about time.
                var value = goal.TimeRatio ? a.Value.Mean / b.Value.Mean : b.Value.Mean / a.Value.Mean;
                ratio = Invariant($"{value:0.00}×");
                met = goal.Limit is null ? "—" : (goal.AtMost ? value <= goal.Limit : value >= goal.Limit) ? "**met**" : "not met";
            }

            rows.Add($"| {what} | {Show(a)} | {Show(b)} | {ratio} | {goal.Text} | {met} |");
        }

        Case W(string method, string sync) => new(nameof(DurableWriteBenchmarks), method, "Synchronous", sync);
        Case R(string method, int versions) => new(nameof(ReadBenchmarks), method, "Versions", versions.ToString(CultureInfo.InvariantCulture));
        Case C(string method) => new(nameof(CallBenchmarks), method, null, null);
        Case E(string method) => new(nameof(EventDispatchBenchmarks), method, null, null);
        Case A(string method) => new(nameof(ActivationBenchmarks), method, null, null);

        var raw = nameof(DurableWriteBenchmarks.Raw_OneRowPerTransaction);
        Row("**Sync verb, FULL, 64 callers** vs raw 1 row/tx FULL", W(nameof(DurableWriteBenchmarks.SyncVerb_64Callers), Full), W(raw, Full), Goal.AtLeast(10));
        Row("**Sync verb, NORMAL, 1 caller** vs raw 1 row/tx NORMAL", W(nameof(DurableWriteBenchmarks.SyncVerb_1Caller), Normal), W(raw, Normal), Goal.AtLeast(0.5));
        Row("Sync verb, FULL, 1 caller vs raw FULL", W(nameof(DurableWriteBenchmarks.SyncVerb_1Caller), Full), W(raw, Full), Goal.Info);
        Row("Sync verb, NORMAL, 64 callers vs raw NORMAL", W(nameof(DurableWriteBenchmarks.SyncVerb_64Callers), Normal), W(raw, Normal), Goal.Info);
        Row("Sync verb, FULL, 64 callers on one thing vs raw FULL", W(nameof(DurableWriteBenchmarks.SyncVerb_64Callers_OneThing), Full), W(raw, Full), Goal.Info);
        Row("Collection update, FULL, 64 callers vs raw FULL", W(nameof(DurableWriteBenchmarks.CollectionUpdate_64Callers), Full), W(raw, Full), Goal.Info);
        foreach (var sync in new[] { Full, Normal })
        {
            Row($"Async verb (Do), {sync.ToUpperInvariant()}, 1 caller vs raw {sync.ToUpperInvariant()}", W(nameof(DurableWriteBenchmarks.AsyncVerb_1Caller), sync), W(raw, sync), Goal.Info);
            Row($"ctx.Do action, {sync.ToUpperInvariant()}, 1 caller vs raw {sync.ToUpperInvariant()}", W(nameof(DurableWriteBenchmarks.DoAction_1Caller), sync), W(raw, sync), Goal.Info);
        }

        var point = nameof(ReadBenchmarks.Raw_PointRead);
        Row("**HEAD read, 100,000 versions** vs raw point read", R(nameof(ReadBenchmarks.Head), 100_000), R(point, 100_000), Goal.AtLeast(0.7));
        Row("**HEAD read time, 100,000 vs 1 version**", R(nameof(ReadBenchmarks.Head), 100_000), R(nameof(ReadBenchmarks.Head), 1), Goal.AtMostTime(1.2));
        foreach (var versions in new[] { 1, 1_000 })
        {
            Row(Invariant($"HEAD read, {versions:N0} versions vs raw point read"), R(nameof(ReadBenchmarks.Head), versions), R(point, versions), Goal.Info);
        }

        foreach (var versions in new[] { 1, 1_000, 100_000 })
        {
            Row(Invariant($"`@~1` read, {versions:N0} versions vs raw point read"), R(nameof(ReadBenchmarks.OneBack), versions), R(point, versions), Goal.Info);
            Row(Invariant($"`@v…` read, {versions:N0} versions vs raw point read"), R(nameof(ReadBenchmarks.ByVersion), versions), R(point, versions), Goal.Info);
        }

        Row("Raw HEAD statement (no host), 100,000 versions vs raw point read", R(nameof(ReadBenchmarks.Raw_HeadQuery), 100_000), R(point, 100_000), Goal.Info);
        Row("**Cross-object call** (A's turn → B) vs Orleans grain→grain", C(nameof(CallBenchmarks.Do_CrossObject)), C(nameof(CallBenchmarks.Orleans_GrainToGrain)), Goal.AtLeast(2));
        Row("Cross-object call vs bare Channel<T> mailbox", C(nameof(CallBenchmarks.Do_CrossObject)), C(nameof(CallBenchmarks.Channel_Mailbox)), Goal.Info);
        Row("Client → object call vs Orleans client → grain", C(nameof(CallBenchmarks.Do_ClientToObject)), C(nameof(CallBenchmarks.Orleans_ClientToGrain)), Goal.Info);
        Row("**Activation** (deactivated object, first read), time vs raw open + read", A(nameof(ActivationBenchmarks.Do_ActivateAndRead)), A(nameof(ActivationBenchmarks.Raw_OpenAndRead)), Goal.AtMostTime(2));
        Row("Event dispatch to 1 handler vs verb with none", E(nameof(EventDispatchBenchmarks.OneHandler)), E(nameof(EventDispatchBenchmarks.NoHandlers)), Goal.Info);
        Row("Event dispatch to 10 handlers vs verb with none", E(nameof(EventDispatchBenchmarks.TenHandlers)), E(nameof(EventDispatchBenchmarks.NoHandlers)), Goal.Info);

        foreach (var memory in new[] { memory1K, memory10K })
        {
            var kb = memory.ManagedKbPerObject > memory.WorkingSetKbPerObject ? memory.ManagedKbPerObject : memory.WorkingSetKbPerObject;
            var met = double.IsNaN(kb) || kb > 250 ? "not met" : memory.Active < memory.Requested ? Invariant($"KB **met**; only {memory.Active:N0} could be active") : "**met**";
            var note = memory.Error is null ? "" : $" — stopped: {memory.Error}";
            var sqlite = memory.Sqlite is { } s ? Invariant($"; SQLite per connection: page cache {s.PageCacheKb:0.0} KB, schema {s.SchemaKb:0.0} KB, statements {s.StatementsKb:0.0} KB, its heap {s.HeapKbPerObject:0.0} KB per object") : "";
            rows.Add(Invariant($"| **Memory per active object, {memory.Requested:N0} objects** | {memory.ManagedKbPerObject:0.0} KB managed, {memory.WorkingSetKbPerObject:0.0} KB working set, {memory.FdsPerObject:0.0} fds ({memory.Active:N0} active, fd limit {memory.FdLimit:N0}){sqlite}{note} | — | — | ≤ 250 KB | {met} |"));
        }

        Case H(string method) => new(nameof(HttpVerbBenchmarks), method, null, null);
        Row("**Verb over HTTP, typed client, 1 caller** vs plain minimal API writing 1 row", H(nameof(HttpVerbBenchmarks.Do_TypedClient_Verb)), H(nameof(HttpVerbBenchmarks.Plain_MinimalApi_OneRow)), Goal.AtLeast(0.7));

        Case G(string method, int nouns) => new(nameof(GeneratorBenchmarks), method, "Nouns", nouns.ToString(CultureInfo.InvariantCulture));
        foreach (var nouns in new[] { 10, 100, 1_000 })
        {
            Row(Invariant($"**Generator cold, {nouns:N0} nouns**, time vs System.Text.Json's generator"), G(nameof(GeneratorBenchmarks.Do_Cold), nouns), G(nameof(GeneratorBenchmarks.Stj_Cold), nouns), Goal.AtMostTime(1));
            Row(Invariant($"**Generator cached, {nouns:N0} nouns**, time vs its cold run"), G(nameof(GeneratorBenchmarks.Do_Cached), nouns), G(nameof(GeneratorBenchmarks.Do_Cold), nouns), Goal.AtMostTime(0.2));
        }

        Case S(string method, string embedder) => new(nameof(SearchBenchmarks), method, nameof(SearchBenchmarks.Embedder), embedder);
        Row("Search, 100,000 things: `SimilarTo` top 10 (hashed query, 384 dims) vs `Search` (FTS5 bm25) top 10", S(nameof(SearchBenchmarks.SimilarTo_Top10), "Hashed"), S(nameof(SearchBenchmarks.Search_Bm25_Top10), "Hashed"), Goal.Info);
        Row("Search, 100,000 things: `HybridSearch` top 10 (hashed query) vs `Search` top 10", S(nameof(SearchBenchmarks.HybridSearch_Top10), "Hashed"), S(nameof(SearchBenchmarks.Search_Bm25_Top10), "Hashed"), Goal.Info);
        Row("Search, 100,000 things: `SimilarTo` top 10 with MiniLM embedding the query vs hashed", S(nameof(SearchBenchmarks.SimilarTo_Top10), "MiniLM"), S(nameof(SearchBenchmarks.SimilarTo_Top10), "Hashed"), Goal.Info);


        var text = new StringBuilder()
            .AppendLine("# Quick run: ours vs baseline")
            .AppendLine()
            .AppendLine(Invariant($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; whole run {elapsed.TotalMinutes:0.0} min. In-process, 5 short iterations: expect ±10-30% noise."))
            .AppendLine("Ratios are throughput (ours/s ÷ baseline/s; higher is better) except rows whose goal is a time (ours ÷ baseline; lower is better).")
            .AppendLine()
            .AppendLine("| What | Ours | Baseline | Ratio | Goal | Met |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }

        return text.ToString();
    }

    private static string Show(Measured? m)
        => m is not { } v
            ? "failed"
            : Invariant($"{Rate(1e9 / v.Mean)}/s ({Time(v.Mean)}{(v.Allocated is long b ? $", {b:N0} B" : "")})");

    private static string Rate(double perSecond) => perSecond >= 1e6 ? Invariant($"{perSecond / 1e6:0.00}M") : perSecond >= 1e3 ? Invariant($"{perSecond / 1e3:0.0}k") : Invariant($"{perSecond:0}");

    private static string Time(double ns) => ns >= 1e6 ? Invariant($"{ns / 1e6:0.00} ms") : ns >= 1e3 ? Invariant($"{ns / 1e3:0.0} µs") : Invariant($"{ns:0} ns");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static Measured? Find(Summary[] summaries, Case wanted)
    {
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                var bc = report.BenchmarkCase;
                if (bc.Descriptor.Type.Name != wanted.Type || bc.Descriptor.WorkloadMethod.Name != wanted.Method)
                {
                    continue;
                }

                if (wanted.Parameter is not null && bc.Parameters[wanted.Parameter]?.ToString() != wanted.Value)
                {
                    continue;
                }

                return report.ResultStatistics is { } stats
                    ? new Measured(stats.Mean, report.GcStats.GetBytesAllocatedPerOperation(bc))
                    : null;
            }
        }

        return null;
    }

    private sealed record Case(string Type, string Method, string? Parameter, string? Value);

    private readonly record struct Measured(double Mean, long? Allocated);

    private sealed record Goal(double? Limit, bool AtMost, bool TimeRatio, string Text)
    {
        public static Goal Info { get; } = new(null, false, false, "—");

        public static Goal AtLeast(double limit) => new(limit, false, false, Invariant($"≥ {limit}×"));

        public static Goal AtMostTime(double limit) => new(limit, true, true, Invariant($"time ≤ {limit}×"));
    }
}
