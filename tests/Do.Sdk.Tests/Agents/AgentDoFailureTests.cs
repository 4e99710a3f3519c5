using System.Collections.Concurrent;
using Do.Testing;
using Do.Tests.Support;
using Do.Tests.Workers;

namespace Do.Tests.Agents;

/// <summary>
/// An agent's <c>Do(task)</c> when the run does not finish: the caller hears why (<see cref="AgentRunFailedException"/>)
/// instead of waiting forever, and inside a durable action that answer is journaled like any other.
/// </summary>
public sealed class AgentDoFailureTests : IDisposable
{
    private const string Goal = "Escalate i-1.";
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_seen = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Two attempts per action, back to back: a model that always throws fails a run after two requests.</summary>
    private Task<DoHost> StartAsync(string data, ScriptedChatClient model)
        => DoHost.StartAsync(o =>
        {
            (o.DataPath, o.ChatClient) = (data, model);
            o.Actions = new ActionOptions { MaxRetries = 1, BaseDelay = TimeSpan.Zero, UseJitter = false };
        });

    private static async Task<IReadOnlyList<ActionInfo>> RunsOf(ObjectClient agent)
        => [.. (await agent.Actions()).Where(a => a.Verb == Agent.RunAction)];

    [Fact]
    public async Task A_run_whose_model_throws_fails_the_waiting_callers_action_with_AgentRunFailedException()
    {
        var model = new ScriptedChatClient(); // no turns: every request throws, saying the script is played out
        await using var host = await StartAsync(_temp.File("data"), model);
        var agent = Journal.NewNamespace("agent");
        var shop = host.Object<Business>(Journal.NewNamespace("shop"));
        var job = Unique("do");
        Job.Behaviours[job] = async (_, ctx) => await ctx.Worker<Colleague>(agent).Do(Goal);
        await shop.Jobs().Create(job, new Job { Name = job });

        var failed = await Assert.ThrowsAsync<ActionFailedException>(() => shop.Job(job).Run().WaitAsync(Wait.Guard));

        var error = Assert.IsType<AgentRunFailedException>(failed.InnerException);
        var run = Assert.Single(await RunsOf(host.Object<Colleague>(agent)));
        Assert.Equal((agent, run.Id, Goal), (error.Agent, error.RunId, error.Goal));
        Assert.Equal(ActionStatus.Failed, run.Status);
        Assert.Contains(agent, error.Message, StringComparison.Ordinal);
        Assert.Contains($"run {run.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("The script has 0 turns", error.Message, StringComparison.Ordinal); // the model's own error
        Assert.Contains("after 2 attempt(s)", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count);

        // The caller's action failed at once with that message: retrying it could only replay the same answer.
        var caller = Assert.Single(await shop.Actions(), a => a.Verb == "Run");
        Assert.Equal((ActionStatus.Failed, 1), (caller.Status, caller.Attempts));
        Assert.Contains(error.Message, caller.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failure_is_journaled_so_a_replay_after_a_restart_throws_the_same_and_the_agent_ran_once()
    {
        var data = _temp.File("data");
        var agent = Journal.NewNamespace("agent");
        var ns = Journal.NewNamespace("shop");
        var job = Unique("replay");
        var seen = s_seen.GetOrAdd(job, _ => new());
        Job.Behaviours[job] = async (_, ctx) =>
        {
            try
            {
                await ctx.Worker<Colleague>(agent).Do(Goal);
            }
            catch (AgentRunFailedException e)
            {
                seen.Enqueue(e.Message);
            }

            // Waits so that the next run of this action, in the next process, replays the Do above from the journal.
            await ctx.WaitFor<string>("resume", Timeout.InfiniteTimeSpan);
        };

        var firstModel = new ScriptedChatClient();
        long callerId;
        await using (var first = await StartAsync(data, firstModel))
        {
            var shop = first.Object<Business>(ns);
            await shop.Jobs().Create(job, new Job { Name = job });
            _ = shop.Job(job).Run();
            await Wait.UntilAsync(async () => !seen.IsEmpty && (await shop.Actions()).Any(a => a.Verb == "Run" && a.Status == ActionStatus.Waiting), "the caller caught the failure and waits");
            callerId = (await shop.Actions()).Single(a => a.Verb == "Run").Id;
        }

        var secondModel = new ScriptedChatClient();
        await using var second = await StartAsync(data, secondModel);
        await second.Object<Business>(ns).Signal(callerId, "resume", "now");
        await Wait.UntilAsync(async () => (await second.Object<Business>(ns).Job(job).Get()).Runs == 1, "the caller's action completes");

        Assert.Equal(2, seen.Count);
        Assert.Single(seen.Distinct());
        Assert.Contains("The script has 0 turns", seen.First(), StringComparison.Ordinal);
        Assert.Single(await RunsOf(second.Object<Colleague>(agent)));
        Assert.Equal(2, firstModel.Requests.Count);
        Assert.Empty(secondModel.Requests);
    }

    [Fact]
    public async Task A_run_that_stops_at_its_turn_limit_answers_the_caller_with_the_limit_and_the_last_text()
    {
        var model = new ScriptedChatClient()
            .CallTool("Incident_Get", """{"id":"i-1"}""")
            .CallTool("Incident_Get", """{"id":"i-1"}""");
        await using var host = await StartAsync(_temp.File("data"), model);
        var agent = Journal.NewNamespace("agent");
        var shop = host.Object<Business>(Journal.NewNamespace("shop"));
        var job = Unique("limit");
        Job.Behaviours[job] = async (_, ctx) => await ctx.Worker<ShortResponder>(agent).Do(Goal);
        await shop.Jobs().Create(job, new Job { Name = job });

        var failed = await Assert.ThrowsAsync<ActionFailedException>(() => shop.Job(job).Run().WaitAsync(Wait.Guard));

        var error = Assert.IsType<AgentRunFailedException>(failed.InnerException);
        Assert.Contains("stopped after 2 model turns", error.Reason, StringComparison.Ordinal);
        var run = Assert.Single(await RunsOf(host.Object<ShortResponder>(agent)));
        Assert.Equal((run.Id, ActionStatus.Completed), (error.RunId, run.Status)); // the run itself ended normally
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task Do_from_outside_throws_AgentRunFailedException_for_a_failed_run_and_for_the_turn_limit()
    {
        var model = new ScriptedChatClient(); // the first run's requests throw
        await using var host = await StartAsync(_temp.File("data"), model);
        var colleague = host.Object<Colleague>(Journal.NewNamespace("agent"));

        var error = await Assert.ThrowsAsync<AgentRunFailedException>(() => colleague.Do(Goal));

        Assert.Equal((colleague.Ns, Goal), (error.Agent, error.Goal));
        Assert.Equal(error.RunId, Assert.IsType<ActionFailedException>(error.InnerException).ActionId);
        Assert.Contains("The script has 0 turns", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempt(s)", error.Reason, StringComparison.Ordinal);

        model.CallTool("Incident_Get", """{"id":"i-1"}""").CallTool("Incident_Get", """{"id":"i-1"}""");
        var limited = await Assert.ThrowsAsync<AgentRunFailedException>(() => host.Object<ShortResponder>(Journal.NewNamespace("agent")).Do(Goal));
        Assert.Contains("stopped after 2 model turns", limited.Reason, StringComparison.Ordinal);
    }
}
