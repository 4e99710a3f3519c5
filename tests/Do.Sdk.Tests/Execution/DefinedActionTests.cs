using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Execution;

public sealed class DefinedActionTests : IDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> s_failuresLeft = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<long?>> s_keys = new();
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = FakeClock.Create();

    public void Dispose() => _temp.Dispose();

    private sealed class Billing : Business
    {
        protected override void Configure(Context ctx)
            => ctx.Define("charge", (input, c) =>
            {
                s_keys.GetOrAdd(c.Ns, _ => []).Add(c.ActionId);
                if (s_failuresLeft.TryGetValue(c.Ns, out var left) && left > 0)
                {
                    s_failuresLeft[c.Ns] = left - 1;
                    throw new InvalidOperationException("gateway timeout");
                }

                return Task.FromResult<string?>("{\"charged\":" + (input ?? "null") + "}");
            });
    }

    private Task<DoHost> StartAsync() => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _clock;
        o.Actions = new ActionOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false };
    });

    private static string Ns() => "https://billing.example/" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Do_persists_retries_and_records_the_output_of_a_defined_action()
    {
        await using var host = await StartAsync();
        var ns = Ns();
        s_failuresLeft[ns] = 2;
        var billing = host.Object<Billing>(ns);

        var output = await _clock.DriveAsync(billing.Run(ctx => ctx.Do("charge", "{\"cents\":500}")), TimeSpan.FromMilliseconds(500));

        Assert.Equal("{\"charged\":{\"cents\":500}}", output);
        var action = await billing.Run(ctx => ctx.Actions.List()[0]);
        Assert.Equal(("charge", ActionStatus.Completed, 3, Durability.Do), (action.Verb, action.Status, action.Attempts, action.Durability));
        Assert.Equal(output, action.Output);
        Assert.All(s_keys[ns], key => Assert.Equal(action.Id, key));
        Assert.Contains(await billing.Run(ctx => ctx.Events.List()), e => e.Type == "charge.completed" && e.ActionId == action.Id);
    }

    [Fact]
    public async Task Do_of_an_undefined_action_names_the_defined_ones()
    {
        await using var host = await StartAsync();
        var billing = host.Object<Billing>(Ns());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => billing.Run(ctx => ctx.Do("refund")));

        Assert.Contains("\"refund\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Defined: charge", error.Message, StringComparison.Ordinal);
        Assert.Empty(await billing.Run(ctx => ctx.Actions.List()));
    }

    [Fact]
    public async Task A_defined_action_left_open_by_a_crash_is_resumed_with_its_input()
    {
        var ns = Ns();
        await using (var first = await StartAsync())
        {
            await first.Object<Billing>(ns).Run(ctx => ctx.Actions.InsertPendingForTest("charge", "{\"cents\":7}"));
        }

        await using var second = await StartAsync();
        await second.Object<Billing>(ns).Run(_ => true); // activation resumes open actions

        var action = await second.Object<Billing>(ns).Run(ctx => ctx.Actions.List()[0]);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal("{\"charged\":{\"cents\":7}}", action.Output);
    }
}

internal static class ActionStoreTestExtensions
{
    /// <summary>Leaves a pending action behind, as a process that died right after persisting it would.</summary>
    public static long InsertPendingForTest(this Do.Storage.ActionStore actions, string verb, string? input)
        => actions.InsertPending(verb, null, "", null, 1, input, null, Durability.Do);
}
