using System.Collections.Concurrent;
using Do.Testing;
using Do.Tests.Support;
using Microsoft.Extensions.AI;

namespace Do.Tests.Workers;

/// <summary>The worker interface: the same caller code reaches an agent and a human and gets typed answers.</summary>
public sealed class WorkerRefTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, Answers> s_answers = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed record Answers(string Capital, string Severity, int Count, bool Approved, string Result);

    private sealed class Clerk : Human;

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The caller: one action that asks a worker everything the interface offers, whatever the worker is.</summary>
    private static void Consult<TWorker>(string job, string worker)
        where TWorker : Worker, new()
        => Job.Behaviours[job] = async (_, ctx) =>
        {
            var w = ctx.Worker<TWorker>(worker);
            var capital = await w.Ask("What is the capital of France?");
            var severity = await w.Decide("How severe is i-1?", ["low", "high"]);
            var count = await w.Generate<int>("How many incidents are open?");
            var approval = await w.Approve("Close i-1?", TimeSpan.FromHours(1));
            var result = await w.Do("Escalate i-1.");
            s_answers[job] = new Answers(capital, severity, count, approval.Approved, result);
        };

    [Fact]
    public async Task The_same_caller_code_asks_an_agent_and_a_human_and_gets_typed_answers()
    {
        var model = new ScriptedChatClient()
            .Reply("Paris")
            .Reply("""{"value":"high"}""")
            .Reply("3")
            .Reply("""{"value":"approve"}""")
            .Reply("Escalated i-1.");
        await using var host = await DoHost.StartAsync(o => (o.DataPath, o.ChatClient) = (_temp.File("data"), model));
        var ns = Journal.NewNamespace("shop");
        var agent = Journal.NewNamespace("agent");
        var human = Journal.NewNamespace("human");
        var shop = host.Object<Business>(ns);

        var byAgent = Unique("agent");
        Consult<Colleague>(byAgent, agent);
        await shop.Jobs().Create(byAgent, new Job { Name = byAgent });
        await shop.Job(byAgent).Run().WaitAsync(Wait.Guard);

        var byHuman = Unique("human");
        Consult<Clerk>(byHuman, human);
        await shop.Jobs().Create(byHuman, new Job { Name = byHuman });
        var run = shop.Job(byHuman).Run();
        var requests = host.Object<Clerk>(human).Requests;
        await AnswerNext(requests, WorkerRequestKind.Ask, r => requests.Answer(r.Id, "Paris", "ann"));
        await AnswerNext(requests, WorkerRequestKind.Decide, r =>
        {
            Assert.Equal(["low", "high"], r.Options);
            return requests.Answer(r.Id, "HIGH", "ann"); // matched to the option as given
        });
        await AnswerNext(requests, WorkerRequestKind.Ask, r => requests.Answer(r.Id, "3", "ann"));
        await AnswerNext(requests, WorkerRequestKind.Approve, r => requests.Respond(r.Id, approved: true, by: "ann"));
        await AnswerNext(requests, WorkerRequestKind.Do, r => requests.Answer(r.Id, "Escalated i-1.", "ann"));
        await run.WaitAsync(Wait.Guard);

        var expected = new Answers("Paris", "high", 3, true, "Escalated i-1.");
        Assert.Equal(expected, s_answers[byAgent]);
        Assert.Equal(expected, s_answers[byHuman]);

        // The agent answered in its own voice, and each answer was asked once (the replays after each wait did not ask again).
        Assert.Equal(5, model.Requests.Count);
        Assert.All(model.Requests, r => Assert.Equal((ChatRole.System, Colleague.Voice), (r.Messages[0].Role, r.Messages[0].Text)));
        Assert.Empty(await requests.Pending());
        Assert.Equal(2, (await shop.Actions()).Count(a => a.Verb == "Run" && a.Status == ActionStatus.Completed));
    }

    [Fact]
    public async Task A_humans_Ask_survives_a_restart_and_completes_when_answered_in_the_new_process()
    {
        var clock = FakeClock.Create();
        var data = _temp.File("data");
        var ns = Journal.NewNamespace("shop");
        var human = Journal.NewNamespace("bea");
        var job = Unique("ask");
        var answers = new ConcurrentDictionary<string, string>();
        Job.Behaviours[job] = async (_, ctx) => answers[job] = await ctx.Worker<Clerk>(human).Ask("Which carrier?", TimeSpan.FromDays(1));

        await using (var first = await DoHost.StartAsync(o => (o.DataPath, o.TimeProvider) = (data, clock)))
        {
            var shop = first.Object<Business>(ns);
            await shop.Jobs().Create(job, new Job { Name = job });
            _ = shop.Job(job).Run();
            await Wait.UntilAsync(async () => (await first.Object<Clerk>(human).Requests.Pending()).Count == 1, "bea has the question");
        }

        await using var second = await DoHost.StartAsync(o => (o.DataPath, o.TimeProvider) = (data, clock));
        var requests = second.Object<Clerk>(human).Requests;
        var pending = Assert.Single(await requests.Pending());
        Assert.Equal((WorkerRequestKind.Ask, "Which carrier?", ns), (pending.Kind, pending.Text, pending.Requester));
        Assert.NotNull(pending.ExpiresAt);
        Assert.Empty(await second.Object<Clerk>(human).Approvals.Pending()); // a question is not an approval

        await requests.Answer(pending.Id, "DHL", "bea");

        await Wait.UntilAsync(async () => (await second.Object<Business>(ns).Job(job).Get()).Runs == 1, "the waiting action completes");
        Assert.Equal("DHL", answers[job]);
        Assert.Empty(await requests.Pending());
        await Assert.ThrowsAsync<InvalidOperationException>(() => requests.Answer(pending.Id, "UPS", "bea"));
    }

    [Fact]
    public async Task A_wrong_answer_names_the_options_and_leaves_the_request_pending()
    {
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var human = Journal.NewNamespace("cy");
        var job = Unique("decide");
        var chosen = new ConcurrentDictionary<string, string>();
        Job.Behaviours[job] = async (_, ctx) => chosen[job] = await ctx.Worker<Clerk>(human).Decide("Ship by?", ["air", "sea"]);
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });
        var run = shop.Job(job).Run();
        var requests = host.Object<Clerk>(human).Requests;
        await Wait.UntilAsync(async () => (await requests.Pending()).Count == 1, "cy has the choice");
        var pending = Assert.Single(await requests.Pending());

        var wrong = await Assert.ThrowsAsync<ArgumentException>(() => requests.Answer(pending.Id, "rail", "cy"));
        Assert.Contains("\"rail\"", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("[\"air\",\"sea\"]", wrong.Message, StringComparison.Ordinal);
        var notApproval = await Assert.ThrowsAsync<ArgumentException>(() => requests.Respond(pending.Id, approved: true, by: "cy"));
        Assert.Contains("Answer", notApproval.Message, StringComparison.Ordinal);
        Assert.Equal(pending.Id, Assert.Single(await requests.Pending()).Id); // still pending, still answerable

        await requests.Answer(pending.Id, "sea", "cy");
        await run.WaitAsync(Wait.Guard);
        Assert.Equal("sea", chosen[job]);
    }

    [Fact]
    public async Task An_unanswered_question_escalates_to_the_next_human_with_AdvanceAsync()
    {
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var first = Journal.NewNamespace("dee");
        var next = Journal.NewNamespace("eve");
        var job = Unique("escalate");
        var answers = new ConcurrentDictionary<string, string>();
        Job.Behaviours[job] = async (_, ctx) => answers[job] = await ctx.Worker<Clerk>(first).Do("Count the stock.", TimeSpan.FromHours(2), EscalationPolicy.To<Clerk>(next));
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });
        var run = shop.Job(job).Run();
        await Wait.UntilAsync(async () => (await host.Object<Clerk>(first).Requests.Pending()).Count == 1, "dee has the task");

        await host.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(await host.Object<Clerk>(first).Requests.Pending());
        var escalated = Assert.Single(await host.Object<Clerk>(next).Requests.Pending());
        Assert.Equal((WorkerRequestKind.Do, "Count the stock."), (escalated.Kind, escalated.Text));
        await host.Object<Clerk>(next).Requests.Answer(escalated.Id, "41 boxes", "eve");
        await run.WaitAsync(Wait.Guard);
        Assert.Equal("41 boxes", answers[job]);
    }

    [Fact]
    public async Task Asking_a_human_outside_a_durable_action_says_where_it_can_wait()
    {
        await using var host = await DoTestHost.StartAsync();
        var human = Journal.NewNamespace("fay");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Object<Business>(Journal.NewNamespace("shop")).Run(ctx => ctx.Worker<Clerk>(human).Ask("Now?")));

        Assert.Contains("durable action", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Object<Clerk>(human).Requests.Pending());
    }

    [Fact]
    public async Task An_agent_answers_from_outside_through_its_client()
    {
        var model = new ScriptedChatClient().Reply("Paris").Reply("""{"value":"sea"}""").Reply("""["a","b"]""");
        await using var host = await DoHost.StartAsync(o => (o.DataPath, o.ChatClient) = (_temp.File("data"), model));
        var agent = host.Object<Colleague>(Journal.NewNamespace("agent"));

        Assert.Equal("Paris", await agent.Ask("What is the capital of France?"));
        Assert.Equal("sea", await agent.Decide("Ship by?", ["air", "sea"]));
        Assert.Equal(["a", "b"], await agent.Generate("Two letters.", WorkerTestJson.Default.StringArray));
        await Assert.ThrowsAsync<ArgumentException>(() => agent.Decide("Ship by?", ["air"]));
        Assert.Equal(3, model.Requests.Count);
    }

    [Fact]
    public async Task Notify_from_an_action_reaches_the_workers_channels_once()
    {
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var human = Journal.NewNamespace("gus");
        var job = Unique("notify");
        Job.Behaviours[job] = async (_, ctx) =>
        {
            await ctx.Worker<Watched>(human).Notify("Stock is low.");
            await ctx.Sleep(TimeSpan.FromMinutes(5)); // the action replays after the timer: the message is not sent again
        };
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });
        var run = shop.Job(job).Run();
        await Wait.Until(() => Watched.Seen.Any(n => n.Worker == human), "gus is notified");

        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await run.WaitAsync(Wait.Guard);

        var sent = Assert.Single(Watched.Seen, n => n.Worker == human);
        Assert.Equal(("message", "Stock is low."), (sent.Kind, sent.Text));
    }

    private static async Task AnswerNext(HumanRequests requests, WorkerRequestKind kind, Func<WorkerRequest, Task> answer)
    {
        await Wait.UntilAsync(async () => (await requests.Pending()).Count == 1, $"the {kind} request is pending");
        var request = Assert.Single(await requests.Pending());
        Assert.Equal(kind, request.Kind);
        await answer(request);
    }

    private sealed class Watched : Human
    {
        public static ConcurrentQueue<Notification> Seen { get; } = new();

        protected override void Configure(Context ctx) => Channels.Add(new Recorder());

        private sealed class Recorder : INotificationChannel
        {
            public Task SendAsync(Notification notification, CancellationToken cancellationToken)
            {
                Seen.Enqueue(notification);
                return Task.CompletedTask;
            }
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class WorkerTestJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>An agent that answers the worker interface in its own voice.</summary>
public partial class Colleague : Agent
{
    public const string Voice = "You are a careful operations colleague.";

    protected override string? Instructions => Voice;
}
