using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Execution;

/// <summary>
/// <c>ctx.Emit</c> is durable: a real child process emits an event in a verb, is SIGKILLed after the commit while the
/// event's handler runs, and after a restart the handler gets the event exactly once, with the emitting actor.
/// </summary>
public sealed class EmitCrashTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_emitted_event_survives_a_SIGKILL_between_commit_and_dispatch_and_is_delivered_once_after_restart()
    {
        var data = _temp.File("data");
        var acks = _temp.File("acks.log");
        var effects = _temp.File("effects.log");

        using (var emit = CrashHostProcess.Start(data, acks, effects, "emit"))
        {
            await CrashHostProcess.WaitForLineAsync(emit, "dispatching");
            emit.Kill(entireProcessTree: true); // SIGKILL on Linux: nothing after this line of the child runs
            await emit.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal((1L, 0L), Outbox(data));
        Assert.False(File.Exists(effects) && (await File.ReadAllLinesAsync(effects)).Length > 0, "the handler ran before the kill; the test proved nothing");

        using (var deliver = CrashHostProcess.Start(data, acks, effects, "deliver"))
        {
            await CrashHostProcess.WaitForLineAsync(deliver, "delivered");
            await deliver.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, deliver.ExitCode);
        }

        using (var quiet = CrashHostProcess.Start(data, acks, effects, "quiet"))
        {
            await CrashHostProcess.WaitForLineAsync(quiet, "quiet");
            await quiet.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, quiet.ExitCode);
        }

        var line = Assert.Single(await File.ReadAllLinesAsync(effects));
        Assert.Matches("^delivered [0-9]+ \\{\"bumps\":0\\} by carol$", line);
        Assert.Equal((1L, 1L), Outbox(data));
    }

    /// <summary>How many <c>ledger.closed</c> events the object's file holds, and how many of them are marked dispatched.</summary>
    private static (long Emitted, long Dispatched) Outbox(string data)
    {
        var file = Directory.GetFiles(Path.Combine(data, "objects"), "*.db", SearchOption.AllDirectories).Single();
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(dispatched_at) FROM events WHERE type = 'ledger.closed'";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
