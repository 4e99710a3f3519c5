using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Events;

public sealed class OutboxTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An object whose handlers record what they saw, and can be told to fail.</summary>
    private sealed class Recorder : Entity
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> Seen = new();
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> FailuresLeft = new();

        protected override void Configure(Context ctx)
        {
            var log = Seen.GetOrAdd(ctx.Ns, _ => []);
            ctx.On.Any.Any((e, _) => Record(log, "*.*", e));
            ctx.On.Any.Created((e, _) => Record(log, "*.created", e));
            ctx.On.Subscribe("Startup.*", (e, _) => Record(log, "Startup.*", e));
            ctx.On.Subscribe("Startup.created", (e, _) => Record(log, "Startup.created", e));
            ctx.On.Subscribe("Startup.prioritized", (e, _) =>
            {
                if (FailuresLeft.TryGetValue(ctx.Ns, out var left) && left > 0)
                {
                    FailuresLeft[ctx.Ns] = left - 1;
                    throw new InvalidOperationException("handler is broken");
                }

                return Record(log, "Startup.prioritized", e);
            });
        }

        private static Task Record(List<string> log, string handler, EventRecord e)
        {
            lock (log)
            {
                log.Add($"{handler} <- {e.Type}");
            }

            return Task.CompletedTask;
        }
    }

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.Actions = new ActionOptions { HandlerRetries = 2, HandlerRetryDelay = TimeSpan.Zero };
    });

    private static string Ns() => "https://recorder.example/" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Handlers_run_after_commit_exact_first_then_noun_wildcard_then_event_wildcard_then_any()
    {
        await using var host = await StartAsync();
        var ns = Ns();
        var obj = host.Object<Recorder>(ns);

        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        Assert.Equal(
            ["Startup.created <- Startup.created", "Startup.* <- Startup.created", "*.created <- Startup.created", "*.* <- Startup.created"],
            Recorder.Seen[ns]);
        var events = await obj.Run(ctx => ctx.Events.List());
        Assert.NotNull(Assert.Single(events).DispatchedAt);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_then_dead_lettered_while_the_others_still_run()
    {
        await using var host = await StartAsync();
        var ns = Ns();
        Recorder.FailuresLeft[ns] = 100;
        var obj = host.Object<Recorder>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        await obj.Startup("acme").Prioritize(2); // the caller is not failed by a handler

        Assert.Equal(97, Recorder.FailuresLeft[ns]); // 1 attempt + 2 retries
        Assert.Contains("Startup.* <- Startup.prioritized", Recorder.Seen[ns]);
        Assert.Contains("*.* <- Startup.prioritized", Recorder.Seen[ns]);
        var letter = Assert.Single(await obj.DeadLetters());
        Assert.Equal("Startup.prioritized#0", letter.Handler);
        Assert.Equal("Startup.prioritized", letter.Event.Type);
        Assert.Equal(3, letter.Attempts);
        Assert.Contains("handler is broken", letter.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await obj.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task Replaying_a_dead_letter_after_the_fix_delivers_it_once()
    {
        await using var host = await StartAsync();
        var ns = Ns();
        Recorder.FailuresLeft[ns] = 4;
        var obj = host.Object<Recorder>(ns);
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await obj.Startup("acme").Prioritize();
        var letter = Assert.Single(await obj.DeadLetters());

        Assert.False(await obj.Replay(letter.Id)); // still broken: one more failure
        Assert.True(await obj.Replay(letter.Id));

        Assert.Empty(await obj.DeadLetters());
        var replayed = Assert.Single(await obj.DeadLetters(includeReplayed: true));
        Assert.NotNull(replayed.ReplayedAt);
        Assert.Equal(4, replayed.Attempts);
        Assert.Single(Recorder.Seen[ns], s => s == "Startup.prioritized <- Startup.prioritized");
        await Assert.ThrowsAsync<ArgumentException>(() => obj.Replay(12345));
    }

    [Fact]
    public async Task Events_committed_but_not_dispatched_before_a_crash_are_delivered_after_restart()
    {
        var ns = Ns();
        await using (var first = await StartAsync())
        {
            await first.Object<Recorder>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        }

        // A commit whose dispatch never happened: append as the runtime does, leave dispatched_at empty.
        var file = Directory.GetFiles(Path.Combine(_temp.Path, "objects"), "*.db", SearchOption.AllDirectories).Single();
        using (var db = ObjectDatabase.Open(file, ObjectNamespace.Parse(ns)))
        {
            db.Things.Update("Startup", "acme", "{\"name\":\"Acme\",\"priority\":5,\"tags\":[]}", new WriteOptions { Verb = "Prioritize", Event = "prioritized" });
        }

        using (var catalog = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, "catalog.db")};Pooling=False"))
        {
            catalog.Open();
            using var command = catalog.CreateCommand();
            command.CommandText = "UPDATE objects SET has_pending = 1";
            command.ExecuteNonQuery();
        }

        Recorder.Seen[ns].Clear();
        await using var second = await StartAsync();
        await second.Recovered.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Startup.prioritized <- Startup.prioritized", Recorder.Seen[ns]);
        Assert.Empty(await second.Object<Recorder>(ns).Run(ctx => ctx.Events.Undispatched()));
    }

    [Fact]
    public async Task Send_hands_an_event_to_handlers_in_memory_without_persisting_it()
    {
        await using var host = await StartAsync();
        var ns = Ns();
        var obj = host.Object<Recorder>(ns);
        await obj.Run(ctx =>
        {
            ctx.Send("Startup.pinged", "{\"why\":\"test\"}");
            return true;
        });

        await Wait.Until(() => Recorder.Seen.GetValueOrDefault(ns, []).Contains("Startup.* <- Startup.pinged"), "the sent event reached its handler");

        Assert.Contains("Startup.* <- Startup.pinged", Recorder.Seen[ns]);
        Assert.Empty(await obj.Run(ctx => ctx.Events.List()));
    }
}
