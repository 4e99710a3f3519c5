using System.Collections.Concurrent;
using Do.Testing;
using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Workers;

/// <summary>Approvals as durable waits: asked once, answered from a human's queue, escalated on the clock, across restarts.</summary>
public sealed class HumanTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, ApprovalDecision> s_decisions = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Approver : Human;

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    private static void AskFor(string job, string human, TimeSpan timeout, EscalationPolicy? policy = null)
        => Job.Behaviours[job] = async (_, ctx) => s_decisions[job] = await ctx.Human<Approver>(human).Approve($"ship {job}?", timeout, policy);

    [Fact]
    public async Task An_approval_survives_a_restart_and_completes_when_answered_in_the_new_process()
    {
        var clock = FakeClock.Create();
        var data = _temp.File("data");
        var ns = Journal.NewNamespace("shop");
        var human = Journal.NewNamespace("alice");
        var job = Unique("release");
        AskFor(job, human, TimeSpan.FromDays(1));

        await using (var first = await DoHost.StartAsync(o => (o.DataPath, o.TimeProvider) = (data, clock)))
        {
            var shop = first.Object<Business>(ns);
            await shop.Jobs().Create(job, new Job { Name = job });
            _ = shop.Job(job).Run();
            await Wait.UntilAsync(async () => (await first.Object<Approver>(human).Approvals.Pending()).Count == 1, "alice has the request");
        }

        await using var second = await DoHost.StartAsync(o => (o.DataPath, o.TimeProvider) = (data, clock));
        var pending = Assert.Single(await second.Object<Approver>(human).Approvals.Pending());
        Assert.Equal(($"ship {job}?", ns), (pending.Text, pending.Requester));

        await second.Object<Approver>(human).Approvals.Respond(pending.Id, approved: true, by: "alice", comment: "go");

        await Wait.UntilAsync(async () => (await second.Object<Business>(ns).Job(job).Get()).Runs == 1, "the waiting action completes");
        Assert.Equal(new ApprovalDecision(true, "alice", "go"), s_decisions[job]);
        Assert.Empty(await second.Object<Approver>(human).Approvals.Pending());
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.Object<Approver>(human).Approvals.Respond(pending.Id, false, "alice"));
    }

    [Fact]
    public async Task An_expired_request_escalates_to_the_next_human_with_AdvanceAsync()
    {
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var alice = Journal.NewNamespace("alice");
        var boss = Journal.NewNamespace("boss");
        var job = Unique("refund");
        AskFor(job, alice, TimeSpan.FromHours(4), EscalationPolicy.To<Approver>(boss));
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });

        var run = shop.Job(job).Run();
        await Wait.UntilAsync(async () => (await host.Object<Approver>(alice).Approvals.Pending()).Count == 1, "alice has the request");
        await host.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Empty(await host.Object<Approver>(boss).Approvals.Pending());

        await host.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Empty(await host.Object<Approver>(alice).Approvals.Pending());
        var escalated = Assert.Single(await host.Object<Approver>(boss).Approvals.Pending());
        Assert.Equal(ns, escalated.Requester);

        await host.Object<Approver>(boss).Approvals.Respond(escalated.Id, approved: false, by: "boss", comment: "too much");
        await run.WaitAsync(Wait.Guard);
        Assert.Equal(new ApprovalDecision(false, "boss", "too much"), s_decisions[job]);
    }

    [Fact]
    public async Task With_a_default_decision_an_unanswered_request_is_decided_by_the_policy()
    {
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var alice = Journal.NewNamespace("alice");
        var job = Unique("auto");
        AskFor(job, alice, TimeSpan.FromMinutes(30), EscalationPolicy.Decide(approved: false));
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });

        var run = shop.Job(job).Run();
        await Wait.UntilAsync(async () => (await host.Object<Approver>(alice).Approvals.Pending()).Count == 1, "alice has the request");
        await host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await run.WaitAsync(Wait.Guard);

        Assert.False(s_decisions[job].Approved);
        Assert.Equal("policy", s_decisions[job].By);
    }

    [Fact]
    public async Task A_new_request_is_sent_to_the_humans_notification_channels()
    {
        var seen = new ConcurrentQueue<Notification>();
        await using var host = await DoTestHost.StartAsync();
        var ns = Journal.NewNamespace("shop");
        var bob = Journal.NewNamespace("bob");
        s_channels[bob] = new RecordingChannel(seen);
        var job = Unique("notify");
        Job.Behaviours[job] = async (_, ctx) => s_decisions[job] = await ctx.Human<Watched>(bob).Approve("deploy?", Timeout.InfiniteTimeSpan);
        var shop = host.Object<Business>(ns);
        await shop.Jobs().Create(job, new Job { Name = job });

        _ = shop.Job(job).Run();
        await Wait.Until(() => !seen.IsEmpty, "bob is notified");

        var notification = Assert.Single(seen);
        Assert.Equal((bob, "approval.requested", "deploy?"), (notification.Worker, notification.Kind, notification.Text));
        Assert.NotNull(notification.RequestId);
    }

    private static readonly ConcurrentDictionary<string, INotificationChannel> s_channels = new();

    private sealed class Watched : Human
    {
        protected override void Configure(Context ctx) => Channels.Add(s_channels[ctx.Ns]);
    }

    private sealed class RecordingChannel(ConcurrentQueue<Notification> seen) : INotificationChannel
    {
        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            seen.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
