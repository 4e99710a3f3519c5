using Do.Orleans.Tests.Support;
using Orleans;
using Orleans.Runtime;

namespace Do.Orleans.Tests;

/// <summary>One Orleans reminder per scheduled object: it wakes the object when nothing else does.</summary>
public sealed class ScheduleReminderTests
{
    [Fact]
    public async Task A_scheduled_object_whose_silo_is_killed_runs_its_schedule_on_another_silo_when_its_reminder_fires()
    {
        using var data = new TempFolder();
        // The catalog scan is off: only the object's reminder (or its timer, while active) can run its schedule.
        await using var cluster = ClusterFixture.Build(data.Path, configure: o =>
        {
            o.WakeInterval = Timeout.InfiniteTimeSpan;
            o.ReminderPeriod = TimeSpan.FromSeconds(2);
        });
        await cluster.DeployAsync();
        var client = cluster.Client;
        var ticker = client.Object<Ticker>("https://tickers.test/reminded");
        Assert.Single(await ticker.Schedules());

        // The in-memory reminder table is itself a grain: the victim must not be the silo that keeps it.
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var table = statistics.Where(s => s.GrainType.Contains("ReminderTableGrain", StringComparison.Ordinal)).Select(s => s.SiloAddress).ToList();
        Assert.NotEmpty(table);
        var victim = cluster.Silos.Skip(1).FirstOrDefault(s => !table.Contains(s.SiloAddress))
            ?? throw new InvalidOperationException(string.Join("; ", statistics.Select(s => $"{s.GrainType} {s.GrainId} on {s.SiloAddress}")));
        await ticker.MoveTo(victim.Name);
        await Wait.UntilAsync(async () => await client.GetGrain<IDurableObjectGrain>(ticker.Ns).Wake() == victim.Name, $"{ticker.Ns} runs on {victim.Name}");
        await Wait.Until(() => Ticker.Runs.GetValueOrDefault(ticker.Ns) >= 2, "the schedule ran on the victim silo");

        // Closed cleanly (nothing pending for a dying silo's neighbours to recover), then its silo dies; nobody calls it.
        await cluster.DeactivateAsync(client.GetGrain<IDurableObjectGrain>(ticker.Ns));
        await cluster.KillSiloAsync(victim);
        var runsAtKill = Ticker.Runs.GetValueOrDefault(ticker.Ns);

        await Wait.Until(() => Ticker.Runs.GetValueOrDefault(ticker.Ns) > runsAtKill, "the reminder woke the object on a surviving silo and its schedule ran");

        Assert.NotEqual(victim.Name, await client.GetGrain<IDurableObjectGrain>(ticker.Ns).Wake());
        Assert.True((await ticker.Schedules())[0].LastRunAt is not null);
    }
}
