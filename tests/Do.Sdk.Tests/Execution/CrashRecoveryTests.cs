using System.Diagnostics;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Do.Tests.Execution;

/// <summary>
/// Kills a real child process (SIGKILL) at random moments while it runs durable verbs, restarts it, and checks the
/// durability promises against its database and its side-effect file.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 6;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Killed_at_random_moments_the_object_loses_no_acknowledged_call_and_runs_each_effect_at_least_once()
    {
        var data = _temp.File("data");
        var acks = _temp.File("acks.log");
        var effects = _temp.File("effects.log");
        var random = new Random(20261123);

        for (int kill = 0; kill < Kills; kill++)
        {
            using var child = Start(data, acks, effects, "run");
            await WaitForLineAsync(child, "ready");
            await Task.Delay(random.Next(150, 900));
            child.Kill(entireProcessTree: true); // SIGKILL on Linux: no finally blocks, no flush, no dispose
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        using (var recover = Start(data, acks, effects, "recover"))
        {
            await WaitForLineAsync(recover, "recovered");
            await recover.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, recover.ExitCode);
        }

        var ackLines = File.Exists(acks) ? await File.ReadAllLinesAsync(acks) : [];
        var effectLines = File.Exists(effects) ? await File.ReadAllLinesAsync(effects) : [];
        var file = Directory.GetFiles(Path.Combine(data, "objects"), "*.db", SearchOption.AllDirectories).Single();
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();

        long completedBumps = Scalar(db, "SELECT COUNT(*) FROM actions WHERE verb = 'Bump' AND status = 'completed'");
        long completedEffects = Scalar(db, "SELECT COUNT(*) FROM actions WHERE verb = 'Effect' AND status = 'completed'");
        long bumps = Scalar(db, "SELECT json_extract(data, '$.bumps') FROM things WHERE id = 'c' ORDER BY version DESC LIMIT 1");
        long effectsInState = Scalar(db, "SELECT json_extract(data, '$.effects') FROM things WHERE id = 'c' ORDER BY version DESC LIMIT 1");
        output.WriteLine($"acks: {ackLines.Length}, completed bumps: {completedBumps}, completed effects: {completedEffects}, effect lines: {effectLines.Length}");

        Assert.True(completedBumps > 0, "the child never got a verb through; the test proved nothing");
        // Each acknowledged call is in the state.
        Assert.True(ackLines.Count(l => l == "bump") <= bumps, $"{ackLines.Count(l => l == "bump")} acknowledged bumps, state has {bumps}");
        Assert.True(ackLines.Count(l => l == "effect") <= effectsInState);
        // The state is exactly the fold of the completed actions.
        Assert.Equal(completedBumps, bumps);
        Assert.Equal(completedEffects, effectsInState);
        // Each completed action has exactly one version and one event.
        Assert.Equal(0, Scalar(db, """
            SELECT COUNT(*) FROM actions AS a WHERE a.status = 'completed' AND a.target = 'c' AND (
                (SELECT COUNT(*) FROM things AS t WHERE t.version = a.after_version) != 1 OR
                (SELECT COUNT(*) FROM events AS e WHERE e.action = a.id) != 1)
            """));
        Assert.Equal(Scalar(db, "SELECT COUNT(*) FROM things WHERE id = 'c'") - 1, completedBumps + completedEffects); // + the create
        // No action is left pending.
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM actions WHERE status IN ('pending', 'running', 'retrying')"));
        // The tip names each thing's newest version (its own statement since schema 15), and no row names one that is gone.
        Assert.Equal(0, Scalar(db, Sql.StaleTips));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
        // Effects ran at least once per completed action, and at most once more per kill.
        Assert.InRange(effectLines.Length, completedEffects, completedEffects + Kills);
        // Every effect ran under its action's id (the idempotency key): each completed effect action appears at least once.
        var completedIds = Ids(db, "SELECT id FROM actions WHERE verb = 'Effect' AND status = 'completed'");
        var effectIds = effectLines.Select(l => long.Parse(l["effect ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Subset(effectIds, completedIds.ToHashSet());
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<long> Ids(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static Process Start(string data, string acks, string effects, string mode)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CrashHostPath(), data, acks, effects, mode })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the crash host");
    }

    private static async Task WaitForLineAsync(Process process, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException($"The crash host exited before printing \"{expected}\". Its errors:\n{error}");
            }

            if (line == expected)
            {
                return;
            }
        }
    }

    /// <summary>The crash host's build output, beside this test project's (same configuration and framework).</summary>
    private static string CrashHostPath()
    {
        // .../tests/Do.Sdk.Tests/bin/<Configuration>/<tfm>/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var tests = testBin.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "Do.Sdk.CrashHost", "bin", configuration, tfm, "Do.Sdk.CrashHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build tests/Do.Sdk.CrashHost first; expected {path}.");
    }
}
