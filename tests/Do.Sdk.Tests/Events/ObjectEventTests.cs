using Do.Tests.Support;

namespace Do.Tests.Events;

/// <summary>Lifecycle events are object events: they never reach handlers of things' events.</summary>
public sealed class ObjectEventTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Watcher : Business
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> Seen = new();

        protected override void Configure(Context ctx)
        {
            var log = Seen.GetOrAdd(ctx.Ns, _ => []);
            ctx.On.Any.Created((e, _) => Add(log, $"*.created <- {e.Type} {e.Thing}"));
            ctx.On.Any.Event("completed", (e, _) => Add(log, $"*.completed <- {e.Type}"));
            ctx.On.Subscribe<Startup>("Startup.created", (startup, c) => Add(log, $"Startup.created <- {startup.Name} id={c.Event?.Thing}"));
            ctx.On.Object.BranchCreated((e, _) => Add(log, $"branch.created <- {e.Data}"));
            ctx.On.Object.MergeCompleted((e, _) => Add(log, "merge.completed"));
            ctx.On.Object.BranchDeleted((e, _) => Add(log, "branch.deleted"));
        }

        private static Task Add(List<string> log, string line)
        {
            lock (log)
            {
                log.Add(line);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Created_handlers_see_things_only_and_object_handlers_see_lifecycle_events()
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var obj = host.Object<Watcher>("https://watcher.example");

        await obj.Startups().Create("acme", new Startup { Name = "Acme" });
        await obj.Branch("b");
        await obj.Merge("b");
        await obj.DeleteBranch("b");

        var seen = Watcher.Seen["https://watcher.example"];
        Assert.Equal(
            [
                "Startup.created <- Acme id=acme",
                "*.created <- Startup.created acme",
                """branch.created <- {"branch":"b","from":"main","forkVersion":1}""",
                "merge.completed",
                "branch.deleted",
            ],
            seen);
    }
}
