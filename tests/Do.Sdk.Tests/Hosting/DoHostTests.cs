using System.Text.RegularExpressions;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Hosting;

public sealed partial class DoHostTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _temp.Dispose();

    private sealed class Studio : Business
    {
    }

    private sealed class OtherStudio : Business
    {
    }

    /// <summary>Writes its lifecycle hooks to the journal.</summary>
    private sealed class Tracked : Business
    {
        protected override ValueTask OnActivateAsync(CancellationToken cancellationToken)
        {
            Journal.Add(Ns, "activate");
            return ValueTask.CompletedTask;
        }

        protected override ValueTask OnDeactivateAsync(CancellationToken cancellationToken)
        {
            Journal.Add(Ns, "deactivate");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Its deactivation hook writes to its own object, and the first time it closes, also sends a verb to it.</summary>
    private sealed class Farewell : Business
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Sent = new(StringComparer.Ordinal);

        protected override async ValueTask OnDeactivateAsync(CancellationToken cancellationToken)
        {
            var bye = Context.Startup("bye");
            if (await bye.Find(cancellationToken) is null)
            {
                await Context.Startups().Create("bye", new Startup { Name = "bye" }, cancellationToken);
            }

            if (Sent.TryAdd(Ns, true))
            {
                await bye.AsSend().Prioritize(5);
            }
        }
    }

    /// <summary>Subscribes in the reverse of dispatch order, to show that order comes from the pattern, not registration.</summary>
    private sealed class Listener : Business
    {
        protected override void Configure(Context ctx)
        {
            ctx.On.Subscribe("*.*", Record("*.*"));
            ctx.On.Subscribe("*.prioritized", Record("*.prioritized"));
            ctx.On.Subscribe("Startup.*", Record("Startup.*"));
            ctx.On.Subscribe("Startup.prioritized", Record("Startup.prioritized#1"));
            ctx.On.Subscribe("Startup.prioritized", (_, _) => throw new InvalidOperationException("a broken handler"));
            ctx.On.Subscribe("Startup.prioritized", Record("Startup.prioritized#2"));
        }

        private static Func<EventRecord, Context, Task> Record(string pattern)
            => (e, ctx) =>
            {
                Journal.Add(ctx.Ns, $"{pattern} <- {e.Type}");
                return Task.CompletedTask;
            };
    }

    /// <summary>Listens to Startup events only; everything else has no handler.</summary>
    private sealed class StartupWatcher : Business
    {
        protected override void Configure(Context ctx)
            => ctx.On.Subscribe("Startup.*", async (e, ctx) =>
            {
                // Handlers run after commit: the thing the event is about is readable at HEAD.
                var startup = await ctx.Startup(e.Thing!).Find();
                Journal.Add(ctx.Ns, $"{e.Type} {e.Thing} priority={startup?.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "deleted"}");
            });
    }

    /// <summary>Its first activation fails, as a hook that hits a transient error would.</summary>
    private sealed class Flaky : Business
    {
        protected override ValueTask OnActivateAsync(CancellationToken cancellationToken)
        {
            Journal.Add(Ns, "activate");
            return Journal.Of(Ns).Count == 1 ? throw new TimeoutException("first activation fails") : ValueTask.CompletedTask;
        }
    }

    private sealed class Ping : Business
    {
    }

    private sealed class Pong : Business
    {
    }

    private Task<DoHost> StartHost(Action<DoHostOptions>? configure = null)
        => DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.File("data");
            o.TimeProvider = _time;
            o.Actions.HandlerRetryDelay = TimeSpan.Zero; // the fake clock does not move while a handler retries
            configure?.Invoke(o);
        });

    private static async Task<string> DatabasePath(ObjectClient client) => await client.DatabasePath();

    [Fact]
    public async Task A_deactivation_hook_that_calls_its_own_object_runs_inside_the_closing_turn()
    {
        var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        try
        {
            const string Ns = "https://farewell.example/hook";
            Farewell.Sent[Ns] = true; // no send here: only the hook's own write
            await host.Object<Farewell>(Ns).Run(_ => true);

            Assert.True(await host.DeactivateAsync(Ns).WaitAsync(Wait.Guard));

            Assert.Equal("bye", (await host.Object<Farewell>(Ns).Startup("bye").Get()).Name);
        }
        finally
        {
            // Guarded: a hook stuck on its own object would hold the stop forever.
            await host.DisposeAsync().AsTask().WaitAsync(Wait.Guard);
        }
    }

    [Fact]
    public async Task Stopping_the_host_waits_for_a_verb_its_deactivation_hooks_send_and_closes_every_object()
    {
        const string Ns = "https://farewell.example/stop";
        Farewell.Sent.TryRemove(Ns, out _);
        var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        await host.Object<Farewell>(Ns).Run(_ => true);

        await host.DisposeAsync().AsTask().WaitAsync(Wait.Guard);

        // The hook sent Prioritize while the host stopped: it ran before the host had stopped, and nothing stayed open.
        Assert.Equal(0, host.ActiveObjects);
        await using var reopened = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        Assert.Equal(5, (await reopened.Object<Farewell>(Ns).Startup("bye").Get()).Priority);
    }

    [Fact]
    public async Task Data_SurvivesAHostRestart_AndTheCatalogListsTheObject()
    {
        var ns = Journal.NewNamespace("studio");
        await using (var host = await StartHost())
        {
            var studio = host.Object<Studio>(ns);
            await studio.Startups().Create("acme", new Startup { Name = "Acme" });
            await studio.Startup("acme").Prioritize(2);
        }

        await using var restarted = await StartHost();
        var again = restarted.Object<Studio>(ns);

        var acme = await again.Startup("acme").Get();
        Assert.Equal(2, acme.Priority);
        Assert.Equal(2, (await again.Startup("acme").History()).Count);
        var entry = Assert.Single(restarted.Catalog());
        Assert.Equal(ns, entry.Namespace);
        Assert.Equal(typeof(Studio).FullName, entry.Class);
        Assert.Equal(Start, entry.CreatedAt);
        Assert.Matches(ObjectFile(), entry.File.Replace('\\', '/'));
        Assert.Equal(Path.Combine(restarted.DataPath, entry.File), await again.DatabasePath());
    }

    [Fact]
    public async Task OneThousandConcurrentCalls_OnOneObject_LoseNoUpdate()
    {
        await using var host = await StartHost();
        var studio = host.Object<Studio>(Journal.NewNamespace());
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => studio.Startup("acme").Prioritize(1))).WaitAsync(Wait.Guard);

        Assert.Equal(1000, (await studio.Startup("acme").Get()).Priority);
        Assert.Equal(1001, (await studio.Startup("acme").History()).Count);
        var file = await DatabasePath(studio);
        Assert.Equal(1001, Sql.Count(file, "things"));
        Assert.Equal(1000, Sql.Count(file, "actions", "verb = 'Prioritize'"));
        Assert.Equal(1000, Sql.Count(file, "events", "type = 'Startup.prioritized'"));
    }

    [Fact]
    public async Task AVerb_AppendsOneVersionOneActionAndOneEvent_InOneTransaction()
    {
        await using var host = await StartHost();
        var studio = host.Object<Studio>(Journal.NewNamespace());
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        var file = await DatabasePath(studio);
        var counts = (Sql.Count(file, "things"), Sql.Count(file, "actions"), Sql.Count(file, "events"));

        await studio.Startup("acme").Prioritize(2);

        Assert.Equal((counts.Item1 + 1, counts.Item2 + 1, counts.Item3 + 1), (Sql.Count(file, "things"), Sql.Count(file, "actions"), Sql.Count(file, "events")));
        var versions = Sql.Rows(file, "SELECT version FROM things ORDER BY version").Select(r => (long)r[0]!).ToList();
        var action = Sql.Rows(file, "SELECT id, verb, input, before_version, after_version, status FROM actions ORDER BY id DESC LIMIT 1")[0];
        Assert.Equal(["Prioritize", """{"by":2}""", versions[0], versions[1], "completed"], action[1..]);
        var evt = Sql.Rows(file, "SELECT type, version, action, data FROM events_view ORDER BY sequence DESC LIMIT 1")[0];
        Assert.Equal(["Startup.prioritized", versions[1], action[0], """{"name":"Acme","priority":2,"tags":[]}"""], evt);
    }

    [Fact]
    public async Task ACallChainThatComesBack_AtoBtoA_Completes()
    {
        await using var host = await StartHost();
        var a = Journal.NewNamespace("a");
        var b = Journal.NewNamespace("b");

        var name = await host.Object<Ping>(a).Run(async ctx =>
        {
            await ctx.Startups().Create("acme", new Startup { Name = "Acme" });
            return await ctx.Object<Pong>(b).Run(async bctx =>
            {
                await bctx.Startups().Create("globex", new Startup { Name = "Globex" });

                // Back into A, whose turn is waiting on this one.
                return await bctx.Object<Ping>(a).Run(async actx =>
                {
                    await actx.Startup("acme").Prioritize(5);
                    return (await actx.Startup("acme").Get()).Name;
                });
            });
        }).WaitAsync(Wait.Guard);

        Assert.Equal("Acme", name);
        Assert.Equal(5, (await host.Object<Ping>(a).Startup("acme").Get().WaitAsync(Wait.Guard)).Priority);
        Assert.Single(await host.Object<Pong>(b).Startups().List().WaitAsync(Wait.Guard));
    }

    [Fact]
    public async Task AHandlerThatCallsAnotherObject_WhichCallsBack_Completes()
    {
        await using var host = await StartHost();
        var a = Journal.NewNamespace("a");
        var b = Journal.NewNamespace("b");
        var ping = host.Object<Ping>(a);
        await ping.Startups().Create("acme", new Startup { Name = "Acme" });

        // A's turn -> B's turn -> A's verb, twice nested, while A's turn holds its gate.
        await ping.Run(ctx => ctx.Object<Pong>(b).Run(bctx => bctx.Object<Ping>(a).Run(actx => actx.Object<Pong>(b).Run(async b2 =>
        {
            await b2.Object<Ping>(a).Startup("acme").Prioritize(1);
            return true;
        })))).WaitAsync(Wait.Guard);

        Assert.Equal(1, (await ping.Startup("acme").Get().WaitAsync(Wait.Guard)).Priority);
    }

    [Theory]
    [InlineData("https://a.example/one/two/three/four/five/six/seven/eight/nine/ten/eleven/twelve/thirteen/fourteen/fifteen/sixteen")]
    [InlineData("https://a.example/..x/x../.x./a.b")]
    [InlineData("https://a.example/x.db/objects/catalog.db")]
    [InlineData("https://a.example/etc~passwd/con/nul/aux")]
    [InlineData("HTTPS://WWW.Example.COM:443/Tenants/EU/")]
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("http://localhost:1")]
    public async Task TrickyButValidNamespaces_AllGetAFileUnderObjects(string ns)
    {
        await using (var host = await StartHost())
        {
            await host.Object<Studio>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        }

        var files = FilesUnder(_temp.Path);
        var databases = files.Where(f => f.EndsWith(".db", StringComparison.Ordinal)).ToList();
        Assert.Equal(["data/catalog.db", databases.Single(f => f.StartsWith("data/objects/", StringComparison.Ordinal))], databases);
        Assert.Matches(ObjectFile(), databases[1]["data/".Length..]);
        Assert.All(files, f => Assert.StartsWith("data/", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALongNamespace_GetsAFileUnderObjects()
    {
        var ns = "https://" + string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "/" + string.Join('/', Enumerable.Repeat(new string('b', 40), 16));
        await using (var host = await StartHost())
        {
            await host.Object<Studio>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        }

        Assert.Contains(FilesUnder(_temp.Path), f => ObjectFile().IsMatch(f["data/".Length..]));
        Assert.All(FilesUnder(_temp.Path), f => Assert.True(f.Length < 120, f));
    }

    [Theory]
    [InlineData("https://a.b/../../etc")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://a.b/%2e%2e/x")]
    [InlineData("https://a.b/./x")]
    [InlineData("https://a.b/x\\..\\..\\y")]
    [InlineData("/etc/passwd")]
    [InlineData("../../etc/passwd")]
    [InlineData("https://../etc")]
    [InlineData("https://a.b/x%00.db")]
    [InlineData("")]
    public async Task HostileNamespaces_AreRejected_AndCreateNoFiles(string ns)
    {
        await using var host = await StartHost();
        var before = FilesUnder(_temp.Path);

        Assert.Throws<InvalidNamespaceException>(() => host.Object<Studio>(ns));
        Assert.Throws<InvalidNamespaceException>(() => host.Object(ns));
        Assert.Throws<InvalidNamespaceException>(() => host.IsActive(ns));
        await Assert.ThrowsAsync<InvalidNamespaceException>(() => host.DeactivateAsync(ns));
        await Assert.ThrowsAnyAsync<InvalidIdentifierException>(() => host.Object<Studio>(Journal.NewNamespace()).Ref<Startup>(ns + "/acme").Get());

        Assert.Equal(before, FilesUnder(_temp.Path));
        Assert.Empty(host.Catalog());
    }

    [Theory]
    [InlineData("../evil.db")]
    [InlineData("objects/../../evil.db")]
    [InlineData("/tmp/do-sdk-tests-evil.db")]
    public async Task ATamperedCatalogPath_OutsideTheDataFolder_IsRefused(string file)
    {
        var ns = Journal.NewNamespace();
        await using (var host = await StartHost())
        {
            await host.Object<Studio>(ns).Run(_ => 0);
        }

        Sql.Scalar(_temp.File("data/catalog.db"), $"UPDATE objects SET file = '{file}'");
        var before = FilesUnder(_temp.Path);
        await using var restarted = await StartHost();

        var e = await Assert.ThrowsAsync<StorageException>(() => restarted.Object<Studio>(ns).Run(_ => 0));

        Assert.Contains("outside the data folder", e.Message, StringComparison.Ordinal);
        Assert.Equal(before.Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)), FilesUnder(_temp.Path).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)));
        Assert.False(File.Exists("/tmp/do-sdk-tests-evil.db"));
    }

    [Fact]
    public async Task AVerbThatThrows_LeavesNoRows()
    {
        await using var host = await StartHost();
        var studio = host.Object<Studio>(Journal.NewNamespace());
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        var file = await DatabasePath(studio);
        var before = Sql.Snapshot(file);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => studio.Startup("acme").Invoke(Startup.PrioritizeVerb, """{"by":1}""", (s, _) =>
        {
            s.Priority = 99;
            throw new InvalidOperationException("not today");
        }));

        Assert.Equal("not today", e.Message);
        Assert.Equal(before, Sql.Snapshot(file));
        Assert.Equal(0, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task ADuplicateCreate_LeavesNoRows()
    {
        await using var host = await StartHost();
        var studio = host.Object<Studio>(Journal.NewNamespace());
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        var file = await DatabasePath(studio);
        var before = Sql.Snapshot(file);

        var e = await Assert.ThrowsAsync<ThingAlreadyExistsException>(() => studio.Startups().Create("acme", new Startup { Name = "Other" }));

        Assert.Equal("Startup", e.Noun);
        Assert.Equal(before, Sql.Snapshot(file));
    }

    [Fact]
    public async Task DeactivateAndReactivate_KeepsState_AndRunsTheHooks()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        var tracked = host.Object<Tracked>(ns);
        await tracked.Startups().Create("acme", new Startup { Name = "Acme" });
        Assert.True(host.IsActive(ns));

        Assert.True(await host.DeactivateAsync(ns));

        Assert.False(host.IsActive(ns));
        Assert.Equal(0, host.ActiveObjects);
        Assert.False(await host.DeactivateAsync(ns));
        Assert.Equal("Acme", (await tracked.Startup("acme").Get()).Name);
        Assert.True(host.IsActive(ns));
        Assert.Equal(["activate", "deactivate", "activate"], Journal.Of(ns));
    }

    [Fact]
    public async Task Deactivate_IsRefusedWhileTheObjectIsInUse()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = host.Object<Tracked>(ns).Run(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return true;
        });
        await entered.Task.WaitAsync(Wait.Guard);

        Assert.False(await host.DeactivateAsync(ns));

        release.SetResult();
        await busy.WaitAsync(Wait.Guard);
        Assert.True(host.IsActive(ns));
    }

    [Fact]
    public async Task AFailedActivation_IsRetriedByTheNextCall_AndLeavesNoFileOpen()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();

        await Assert.ThrowsAsync<TimeoutException>(() => host.Object<Flaky>(ns).Run(_ => 0));

        Assert.False(host.IsActive(ns));
        var file = Path.Combine(host.DataPath, host.Catalog().Single().File);
        Assert.Equal(0, Sql.ExclusiveCount(file, "things"));
        await host.Object<Flaky>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        Assert.True(host.IsActive(ns));
        Assert.Equal(["activate", "activate"], Journal.Of(ns));
    }

    [Fact]
    public async Task ACallCancelledWhileWaitingForItsTurn_RunsNothing_AndTheObjectStaysUsable()
    {
        await using var host = await StartHost();
        var studio = host.Object<Studio>(Journal.NewNamespace());
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = studio.Run(async _ =>
        {
            entered.SetResult();
            await release.Task;
            return true;
        });
        await entered.Task.WaitAsync(Wait.Guard);
        using var cancel = new CancellationTokenSource();

        var waiting = studio.Startup("acme").Invoke(Startup.PrioritizeVerb, null, (s, _) =>
        {
            s.Priority = 100;
            return ValueTask.CompletedTask;
        }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Wait.Guard));
        release.SetResult();
        await busy.WaitAsync(Wait.Guard);
        await studio.Startup("acme").Prioritize(1).WaitAsync(Wait.Guard);
        Assert.Equal(1, (await studio.Startup("acme").Get()).Priority);
    }

    [Fact]
    public async Task IdleObjects_AreDeactivated_AndTheNextCallReactivatesThem()
    {
        await using var host = await StartHost(o => o.IdleTimeout = TimeSpan.FromMinutes(1));
        var idle = Journal.NewNamespace("idle");
        var busy = Journal.NewNamespace("busy");
        await host.Object<Tracked>(idle).Startups().Create("acme", new Startup { Name = "Acme" });
        _time.Advance(TimeSpan.FromSeconds(45));
        await host.Object<Tracked>(busy).Startups().Create("acme", new Startup { Name = "Acme" });

        _time.Advance(TimeSpan.FromSeconds(45));

        await Wait.Until(() => !host.IsActive(idle), "the idle object is deactivated");
        await Wait.Until(() => Journal.Of(idle).Count == 2, "its deactivation hook ran");
        Assert.True(host.IsActive(busy));
        Assert.Equal("Acme", (await host.Object<Tracked>(idle).Startup("acme").Get()).Name);
        Assert.True(host.IsActive(idle));
        Assert.Equal(["activate", "deactivate", "activate"], Journal.Of(idle));
    }

    [Fact]
    public async Task ActiveObjects_counts_each_object_once_when_its_first_calls_race_and_again_after_it_closes()
    {
        await using var host = await StartHost();
        var objects = Enumerable.Range(0, 4).Select(i => Journal.NewNamespace("race" + i)).ToArray();

        // 64 first calls at once, 16 per object: each object gets one activation however the calls interleave.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => host.Object<Tracked>(objects[i % 4]).Startups().List())));
        Assert.Equal(4, host.ActiveObjects);

        Assert.True(await host.DeactivateAsync(objects[0]));
        Assert.True(await host.DeactivateAsync(objects[1]));
        Assert.Equal(2, host.ActiveObjects);

        await host.Object<Tracked>(objects[0]).Startups().List();
        Assert.Equal(3, host.ActiveObjects);
    }

    [Fact]
    public async Task MaxActiveObjects_EvictsTheLeastRecentlyUsedIdleObjects()
    {
        await using var host = await StartHost(o => o.MaxActiveObjects = 2);
        var a = Journal.NewNamespace("a");
        var b = Journal.NewNamespace("b");
        var c = Journal.NewNamespace("c");
        await host.Object<Tracked>(a).Startups().Create("acme", new Startup { Name = "A" });
        _time.Advance(TimeSpan.FromSeconds(1));
        await host.Object<Tracked>(b).Startups().Create("acme", new Startup { Name = "B" });
        _time.Advance(TimeSpan.FromSeconds(1));
        await host.Object<Tracked>(a).Startups().List(); // a is now more recent than b
        _time.Advance(TimeSpan.FromSeconds(1));

        await host.Object<Tracked>(c).Startups().Create("acme", new Startup { Name = "C" });

        Assert.Equal(2, host.ActiveObjects);
        Assert.True(host.IsActive(a));
        Assert.False(host.IsActive(b));
        Assert.True(host.IsActive(c));
        Assert.Equal(["activate", "deactivate"], Journal.Of(b));
        Assert.Equal("B", (await host.Object<Tracked>(b).Startup("acme").Get()).Name);
        Assert.Equal(2, host.ActiveObjects);
    }

    [Fact]
    public async Task Dispose_DrainsTurnsInFlight_ThenRefusesCalls()
    {
        var ns = Journal.NewNamespace();
        var host = await StartHost();
        var studio = host.Object<Tracked>(ns);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = studio.Run(async ctx =>
        {
            entered.SetResult();
            await release.Task;

            // The turn keeps working after the host started stopping: its own calls are part of it.
            await ctx.Startups().Create("late", new Startup { Name = "Late" });
            await ctx.Startup("late").Prioritize(3);
            return "done";
        });
        await entered.Task.WaitAsync(Wait.Guard);

        var disposing = host.DisposeAsync().AsTask();

        Assert.False(disposing.IsCompleted);
        Assert.Throws<ObjectDisposedException>(() => host.Object<Tracked>(ns));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => studio.Startups().List());
        release.SetResult();
        Assert.Equal("done", await slow.WaitAsync(Wait.Guard));
        await disposing.WaitAsync(Wait.Guard);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => studio.Startups().List());
        Assert.Equal(["activate", "deactivate"], Journal.Of(ns));
        await host.DisposeAsync(); // idempotent

        await using var restarted = await StartHost();
        Assert.Equal(3, (await restarted.Object<Tracked>(ns).Startup("late").Get()).Priority);
    }

    [Fact]
    public async Task Dispose_ClosesEveryFile()
    {
        var host = await StartHost();
        for (int i = 0; i < 3; i++)
        {
            var studio = host.Object<Studio>(Journal.NewNamespace());
            await studio.Startups().Create("acme", new Startup { Name = "Acme" });
            await studio.Startup("acme").Prioritize();
        }

        await host.DisposeAsync();

        // host.lock stays (tools look for the lock on it, which went with the host); the SQLite files are what is counted.
        var files = FilesUnder(_temp.Path).Where(f => !f.EndsWith("/" + Do.Hosting.HostLock.FileName, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith("-wal", StringComparison.Ordinal) || f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            Sql.ExclusiveCount(Path.Combine(_temp.Path, file), "sqlite_master");
        }

        if (OperatingSystem.IsLinux())
        {
            Assert.DoesNotContain(OpenFiles(), f => f.StartsWith(_temp.Path, StringComparison.Ordinal));
        }

        Directory.Delete(_temp.Path, recursive: true);
        Assert.False(Directory.Exists(_temp.Path));
    }

    [Fact]
    public async Task ObjectOfAnotherClass_IsAMismatch_WithAHelpfulMessage()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        await host.Object<Studio>(ns).Startups().Create("acme", new Startup { Name = "Acme" });

        var active = await Assert.ThrowsAsync<ObjectClassMismatchException>(() => host.Object<OtherStudio>(ns).Startups().List());
        await host.DeactivateAsync(ns);
        var inactive = await Assert.ThrowsAsync<ObjectClassMismatchException>(() => host.Object<OtherStudio>(ns).Startups().List());

        foreach (var e in new[] { active, inactive })
        {
            Assert.Equal(ns, e.Namespace);
            Assert.Equal(typeof(Studio).FullName, e.ActualClass);
            Assert.Equal(typeof(OtherStudio).FullName, e.RequestedClass);
            Assert.Contains($"{ns} is a {typeof(Studio).FullName}, not a {typeof(OtherStudio).FullName}", e.Message, StringComparison.Ordinal);
            Assert.Contains("host.Object<", e.Message, StringComparison.Ordinal);
        }

        Assert.Single(await host.Object<Studio>(ns).Startups().List());
    }

    [Fact]
    public async Task ObjectByUrlAlone_OfAnUnknownNamespace_IsNotFound_AndCreatesNothing()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        var before = FilesUnder(_temp.Path);

        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => host.Object(ns).Children());

        Assert.Equal(ns, e.Namespace);
        Assert.Contains("host.Object<TClass>", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, FilesUnder(_temp.Path));
        Assert.Empty(host.Catalog());
        Assert.False(host.IsActive(ns));
    }

    [Fact]
    public async Task ObjectByUrlAlone_OfAKnownNamespace_UsesTheCatalogsClass()
    {
        var ns = Journal.NewNamespace();
        await using (var first = await StartHost())
        {
            await first.Object<Tracked>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        }

        await using var host = await StartHost();
        var byUrl = host.Object(ns);

        Assert.Equal("Acme", (await byUrl.Startup("acme").Get()).Name);
        Assert.Equal(["activate", "deactivate", "activate"], Journal.Of(ns));
        Assert.Equal(ns, byUrl.Ns);
    }

    [Fact]
    public async Task Handlers_RunAfterCommit_ExactThenNounWildcardThenEventWildcardThenAll_AndAFailureStopsNothing()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        var listener = host.Object<Listener>(ns);
        await listener.Startups().Create("acme", new Startup { Name = "Acme" });

        await listener.Startup("acme").Prioritize(); // one handler throws; the call still succeeds

        Assert.Equal(
            [
                "Startup.* <- Startup.created",
                "*.* <- Startup.created",
                "Startup.prioritized#1 <- Startup.prioritized",
                "Startup.prioritized#2 <- Startup.prioritized",
                "Startup.* <- Startup.prioritized",
                "*.prioritized <- Startup.prioritized",
                "*.* <- Startup.prioritized",
            ],
            Journal.Of(ns));
        var file = await DatabasePath(listener);
        Assert.Equal(0, Sql.Count(file, "events", "dispatched_at IS NULL"));
    }

    [Fact]
    public async Task EventsWithoutHandlers_AreStoredAlreadyDispatched()
    {
        await using var host = await StartHost();
        var ns = Journal.NewNamespace();
        var watcher = host.Object<StartupWatcher>(ns);

        await watcher.Customers().Create("alice", new Customer { Name = "Alice" });
        _time.Advance(TimeSpan.FromSeconds(1));
        await watcher.Startups().Create("acme", new Startup { Name = "Acme" });
        await watcher.Startup("acme").Prioritize(4);

        var file = await DatabasePath(watcher);
        var customer = Sql.Rows(file, "SELECT created_at, dispatched_at FROM events WHERE type = 'Customer.created'")[0];
        Assert.Equal(customer[0], customer[1]);
        Assert.Equal(0, Sql.Count(file, "events", "dispatched_at IS NULL"));
        Assert.Equal(["Startup.created acme priority=0", "Startup.prioritized acme priority=4"], Journal.Of(ns));
    }

    [Fact]
    public async Task UndispatchedEvents_AreDeliveredOnTheNextActivation()
    {
        var ns = Journal.NewNamespace();
        string file;
        await using (var host = await StartHost())
        {
            file = await DatabasePath(host.Object<StartupWatcher>(ns));
        }

        // Written without a host (as if the process died after commit, before dispatch): nothing is dispatched.
        using (var db = Do.Storage.ObjectDatabase.Open(file, ObjectNamespace.Parse(ns), time: _time))
        {
            db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0,"tags":[]}""");
            db.Things.Update("Startup", "acme", """{"name":"Acme","priority":7,"tags":[]}""", new Do.Storage.WriteOptions { Verb = "Prioritize", Event = "prioritized" });
            db.Things.Create("Customer", "alice", """{"name":"Alice","email":""}""");
        }

        Assert.Equal(3, Sql.Count(file, "events", "dispatched_at IS NULL"));

        await using var restarted = await StartHost();
        await restarted.Object<StartupWatcher>(ns).Run(_ => true);

        Assert.Equal(["Startup.created acme priority=7", "Startup.prioritized acme priority=7"], Journal.Of(ns));
        Assert.Equal(0, Sql.Count(file, "events", "dispatched_at IS NULL"));
    }

    [Fact]
    public async Task Catalog_ListsObjectsOrderedByNamespace()
    {
        await using var host = await StartHost();
        await host.Object<Studio>("https://b.example").Run(_ => 0);
        await host.Object<Tracked>("https://a.example").Run(_ => 0);

        var catalog = host.Catalog();

        Assert.Equal(["https://a.example", "https://b.example"], catalog.Select(e => e.Namespace));
        Assert.Equal([typeof(Tracked).FullName, typeof(Studio).FullName], catalog.Select(e => e.Class));
        Assert.NotEqual(catalog[0].File, catalog[1].File);
    }

    [Fact]
    public async Task Namespaces_AreCanonical_SoTwoSpellingsAreOneObject()
    {
        await using var host = await StartHost();
        await host.Object<Studio>("HTTPS://Acme.Example:443/").Startups().Create("acme", new Startup { Name = "Acme" });

        Assert.True(host.IsActive("https://acme.example"));
        Assert.Single(await host.Object<Studio>("https://acme.example").Startups().List());
        Assert.Single(host.Catalog());
    }

    [Fact]
    public async Task Start_ResolvesARelativeDataPath_AndCreatesTheFolder()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = Path.GetRelativePath(Environment.CurrentDirectory, _temp.File("rel/data")));

        Assert.Equal(_temp.File("rel/data"), host.DataPath);
        Assert.True(File.Exists(_temp.File("rel/data/catalog.db")));
    }

    [Fact]
    public async Task Start_WithACancelledToken_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DoHost.StartAsync(new DoHostOptions { DataPath = _temp.Path }, new CancellationToken(canceled: true)));
    }

    [GeneratedRegex("^objects/([0-9a-f]{2})/([0-9a-f]{2})/\\1\\2[0-9a-f]{60}\\.db$")]
    private static partial Regex ObjectFile();

    private static List<string> FilesUnder(string root)
        => Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    private static List<string> OpenFiles()
    {
        var result = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target)
                {
                    result.Add(target);
                }
            }
            catch (IOException)
            {
            }
        }

        return result;
    }
}
