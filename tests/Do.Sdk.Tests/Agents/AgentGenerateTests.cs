using System.Collections.Concurrent;
using System.Text.Json;
using Do.Testing;
using Do.Tests.Support;
using Do.Tests.Workers;
using Do.Workers;
using Microsoft.Extensions.AI;

namespace Do.Tests.Agents;

/// <summary>
/// <c>Generate&lt;T&gt;</c> with an explicit type argument, in the call shapes users write: on an agent's client from
/// outside (<c>agent.Generate&lt;string[]&gt;("…")</c>), on <c>ctx.Worker&lt;TAgent&gt;(ns)</c> and on <c>ctx</c> inside a
/// durable action; for a built-in type and for a record of the app's own.
/// </summary>
public sealed class AgentGenerateTests : IDisposable
{
    private static readonly ConcurrentDictionary<string, object> s_answers = new();
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public sealed record Plan(string Title, int Steps);

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Generate_with_a_type_argument_answers_from_outside_for_built_in_types_and_records()
    {
        var model = new ScriptedChatClient()
            .Reply("""["a","b"]""")
            .Reply("""{"title":"Ship the fix","steps":3}""")
            .Reply("7");
        await using var host = await DoHost.StartAsync(o => (o.DataPath, o.ChatClient) = (_temp.File("data"), model));
        var agent = host.Object<Colleague>(Journal.NewNamespace("agent"));

        string[] letters = await agent.Generate<string[]>("Two letters.");
        Plan plan = await agent.Generate<Plan>("A plan for the fix.");
        int count = await agent.Generate<int>("How many incidents are open?");

        Assert.Equal(["a", "b"], letters);
        Assert.Equal(new Plan("Ship the fix", 3), plan);
        Assert.Equal(7, count);

        // Structured output: the model was given the record's schema, in the agent's voice.
        var requests = model.Requests;
        Assert.Equal(3, requests.Count);
        var format = Assert.IsType<ChatResponseFormatJson>(requests[1].Options?.ResponseFormat);
        Assert.Equal(["title", "steps"], format.Schema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.All(requests, r => Assert.Equal((ChatRole.System, Colleague.Voice), (r.Messages[0].Role, r.Messages[0].Text)));
    }

    [Fact]
    public async Task Generate_with_a_type_argument_inside_a_durable_action_is_journaled_once()
    {
        var model = new ScriptedChatClient()
            .Reply("""["low","high"]""")
            .Reply("""{"title":"Roll back","steps":2}""")
            .Reply("""{"title":"Page ada","steps":1}""");
        await using var host = await DoTestHost.StartAsync(o => o.ChatClient = model);
        var agent = Journal.NewNamespace("agent");
        var shop = host.Object<Business>(Journal.NewNamespace("shop"));
        var job = Unique("generate");
        Job.Behaviours[job] = async (_, ctx) =>
        {
            var w = ctx.Worker<Colleague>(agent);
            s_answers[job + "levels"] = await w.Generate<string[]>("Severity levels?");
            s_answers[job + "plan"] = await w.Generate<Plan>("A plan?");
            s_answers[job + "own"] = await ctx.Generate<Plan>($"A plan of your own for {job}?");
            await ctx.Sleep(TimeSpan.FromMinutes(5)); // the action replays after the timer: nothing is asked again
        };
        await shop.Jobs().Create(job, new Job { Name = job });

        var run = shop.Job(job).Run();
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await run.WaitAsync(Wait.Guard);

        Assert.Equal(["low", "high"], (string[])s_answers[job + "levels"]);
        Assert.Equal(new Plan("Roll back", 2), s_answers[job + "plan"]);
        Assert.Equal(new Plan("Page ada", 1), s_answers[job + "own"]);
        Assert.Equal(3, model.Requests.Count);
        Assert.Equal(1, (await shop.Job(job).Get()).Runs);
    }

    [Fact]
    public void Without_reflection_based_JSON_a_record_asks_for_its_JsonTypeInfo_and_built_in_types_still_work()
    {
        // What a trimmed or Native AOT app (JsonSerializer.IsReflectionEnabledByDefault false) gets from Generate<T>(prompt).
        Assert.Equal("""["a"]""", JsonSerializer.Serialize(["a"], AiPrimitives.DefaultJson<string[]>(reflectionEnabled: false)));

        var error = Assert.Throws<NotSupportedException>(() => AiPrimitives.DefaultJson<Plan>(reflectionEnabled: false));

        Assert.Contains("Plan has no built-in JSON form", error.Message, StringComparison.Ordinal);
        Assert.Contains("JsonTypeInfo<Plan>", error.Message, StringComparison.Ordinal);
        Assert.Contains("string[]", error.Message, StringComparison.Ordinal); // names what is built in
    }
}
