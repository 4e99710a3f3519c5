using System.Security.Cryptography;
using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

/// <summary>Compact on objects that have lived a little: branches with writes, dead letters, failures.</summary>
public sealed class CompactionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An object with one handler that always fails, so every prioritize leaves a dead letter.</summary>
    private sealed class Broken : Business
    {
        protected override void Configure(Context ctx)
            => ctx.On.Subscribe("Startup.prioritized", (_, _) => throw new InvalidOperationException("handler is broken"));
    }

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.File("data");
        o.Actions = new ActionOptions { HandlerRetries = 0, HandlerRetryDelay = TimeSpan.Zero };
    });

    private static async Task<ObjectClient<T>> SeededAsync<T>(DoHost host)
        where T : DurableObject, new()
    {
        var obj = host.Object<T>("https://compact.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme", Priority = 1 });
        await obj.Startups().Create("beta", new Startup { Name = "Beta" });
        return obj;
    }

    [Fact]
    public async Task Forced_compact_after_a_write_on_a_branch_drops_the_branch_and_keeps_main()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync<Business>(host);
        await obj.Branch("b");
        await obj.Checkout("b");
        await obj.Startup("acme").Prioritize(10);
        await obj.Checkout("main");

        var result = await obj.Compact(force: true);

        Assert.Equal(["main"], await obj.Branches());
        Assert.Equal(1, (await obj.Startup("acme").Get()).Priority);
        Assert.Equal(result.ArchivedActions + result.ArchivedEvents, File.ReadAllLines(result.ArchivePath!).Length);
        var path = await obj.DatabasePath();
        await host.DisposeAsync();
        Assert.Equal(0L, Sql.Count(path, "things", "branch != 1"));
        Assert.Equal(0L, Sql.Count(path, "actions", "branch != 1"));
        Assert.Empty(Sql.Rows(path, "PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task Compact_with_dead_letters_keeps_them_replayable()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync<Broken>(host);
        await obj.Startup("acme").Prioritize(1);
        await obj.Startup("acme").Prioritize(1);
        await obj.Startup("beta").Prioritize(1);
        var letters = await obj.DeadLetters();
        Assert.Equal(3, letters.Count);

        var result = await obj.Compact();

        Assert.True(result.ArchivedActions > 0);
        Assert.Equal(letters.Select(l => (l.Id, l.Event.Type, l.Event.Thing)), (await obj.DeadLetters()).Select(l => (l.Id, l.Event.Type, l.Event.Thing)));
        Assert.Equal(3, (await obj.Startup("acme").Get()).Priority);
        Assert.False(await obj.Replay(letters[0].Id)); // still broken, but its event and action are still there to replay
        var path = await obj.DatabasePath();
        await host.DisposeAsync();
        Assert.Empty(Sql.Rows(path, "PRAGMA foreign_key_check"));
        Assert.Equal(0L, Sql.Count(path, "events", "action IS NOT NULL AND action NOT IN (SELECT id FROM actions)"));
    }

    [Fact]
    public async Task Compact_keeps_every_action_a_kept_event_refers_to()
    {
        await using var host = await StartAsync();
        var obj = await SeededAsync<Broken>(host);
        await obj.Startup("beta").Prioritize(1); // dead-lettered: its event stays, and so must its action
        await obj.Startups().Delete("beta");     // beta's versions all leave the log

        await obj.Compact();

        var letter = Assert.Single(await obj.DeadLetters());
        Assert.NotNull(letter.Event.ActionId);
        var path = await obj.DatabasePath();
        await host.DisposeAsync();
        Assert.Equal(1L, Sql.Count(path, "actions", $"id = {letter.Event.ActionId}"));
        Assert.Empty(Sql.Rows(path, "PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task A_failed_compaction_leaves_no_archive_and_changes_no_byte()
    {
        var host = await StartAsync();
        var obj = await SeededAsync<Business>(host);
        for (int i = 0; i < 5; i++)
        {
            await obj.Startup("acme").Prioritize(1);
        }

        var path = await obj.DatabasePath();
        await host.DisposeAsync();

        // A trigger that makes the compaction's delete fail inside its transaction, after the archive was written.
        using (var connection = Sql.Open(path))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TRIGGER refuse_delete BEFORE DELETE ON things BEGIN SELECT RAISE(ABORT, 'refused by test'); END; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        var folder = Path.GetDirectoryName(path)!;
        await using (host = await StartAsync())
        {
            obj = host.Object<Business>("https://compact.example");
            Assert.Equal(6, (await obj.Startup("acme").Get()).Priority);
            var before = Fingerprint(path);

            var error = await Assert.ThrowsAnyAsync<Exception>(() => obj.Compact());

            Assert.Contains("refused by test", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder, "*.archive.jsonl*"));
            Assert.Equal(before, Fingerprint(path));
            Assert.Equal(6, (await obj.Startup("acme").Get()).Priority);
        }
    }

    private static string Fingerprint(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { path, path + "-wal" })
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
