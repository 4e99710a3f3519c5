using Do.Storage;
using Do.Tests.Generated.IssueProgram;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Objects;

/// <summary><c>ObjectClient.Events</c> on the embedded host: the log so far, then each event as it commits.</summary>
public sealed class ObjectClientEventsTests
{
    [Fact]
    public async Task Events_delivers_the_log_in_order_then_new_events_even_on_a_fake_clock()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = temp.Path;
            o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        });
        var studio = host.Object<Studio>("https://startups.studio/events-in-process");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        using var guard = new CancellationTokenSource(Support.Wait.Guard);
        var seen = new List<EventRecord>();

        var reading = Task.Run(async () =>
        {
            await foreach (var e in studio.Events(0, guard.Token))
            {
                lock (seen)
                {
                    seen.Add(e);
                }

                if (e.Type == "Startup.tagged")
                {
                    return;
                }
            }
        });
        await Support.Wait.Until(() => { lock (seen) { return seen.Count == 1; } }, "the log so far was delivered");
        await studio.Startup("acme").Prioritize();
        await studio.Startup("acme").Tag("ai");
        await reading;

        Assert.Equal(["Startup.created", "Startup.prioritized", "Startup.tagged"], seen.Select(e => e.Type));
        Assert.Equal(seen.Select(e => e.Sequence).Order(), seen.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Events_after_a_sequence_skips_what_was_handled_and_a_negative_one_is_refused()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = host.Object<Studio>("https://startups.studio/events-after");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        var all = await studio.Transport.EventsAsync(0, 10, CancellationToken.None);
        using var guard = new CancellationTokenSource(Support.Wait.Guard);

        await using var events = studio.Events(all[0].Sequence, guard.Token).GetAsyncEnumerator(guard.Token);
        Assert.True(await events.MoveNextAsync());

        Assert.Equal(all[1].Sequence, events.Current.Sequence);
        Assert.Throws<ArgumentOutOfRangeException>(() => studio.Events(-1));
    }
}
