using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using Do.AspNetCore.Tests.Support;
using Do.Storage;
using Do.Tests.Support;

namespace Do.AspNetCore.Tests;

/// <summary>Live events over HTTP: server-sent events in order, resumable after a reconnect.</summary>
public sealed class EventStreamTests : IAsyncLifetime
{
    private DoServer _server = null!;

    public async Task InitializeAsync() => _server = await DoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_stream_delivers_events_in_order_including_ones_committed_while_it_is_open()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/live");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        using var guard = new CancellationTokenSource(Wait.Guard);
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
        await Wait.Until(() => { lock (seen) { return seen.Count == 1; } }, "the stream delivered the create");
        await studio.Startup("acme").Prioritize();
        await studio.Startup("acme").Prioritize();
        await studio.Startup("acme").Tag("ai");
        await reading;

        Assert.Equal(["Startup.created", "Startup.prioritized", "Startup.prioritized", "Startup.tagged"], seen.Select(e => e.Type));
        Assert.Equal(seen.Select(e => e.Sequence).Order(), seen.Select(e => e.Sequence));
        Assert.Equal("acme", seen[0].Thing);
    }

    [Fact]
    public async Task After_a_reconnect_the_stream_resumes_after_the_last_event_seen_without_gaps_or_repeats()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/resume");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        using var guard = new CancellationTokenSource(Wait.Guard);

        var first = await Take(studio.Events(0, guard.Token), 2);
        await studio.Startup("acme").Tag("ai");
        await studio.Startup("acme").Prioritize(3);
        var resumed = await Take(studio.Events(first[^1].Sequence, guard.Token), 2);

        Assert.Equal(["Startup.created", "Startup.prioritized"], first.Select(e => e.Type));
        Assert.Equal(["Startup.tagged", "Startup.prioritized"], resumed.Select(e => e.Type));
        Assert.Equal(first[^1].Sequence + 1, resumed[0].Sequence);
    }

    [Fact]
    public async Task A_raw_event_source_reconnecting_with_Last_Event_ID_gets_only_later_events()
    {
        var studio = _server.Client().Object<Studio>("https://startups.studio/last-event-id");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        await studio.Startup("acme").Tag("ai");
        var all = await studio.Transport.EventsAsync(0, 100, CancellationToken.None);
        using var http = _server.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/do/" + Uri.EscapeDataString("https://startups.studio/last-event-id") + "/events?after=0");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Last-Event-ID", all[0].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var guard = new CancellationTokenSource(Wait.Guard);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(guard.Token);
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(guard.Token))
        {
            items.Add(item);
            if (items.Count == 2)
            {
                break;
            }
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(all.Skip(1).Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i.EventId));
        Assert.Equal(["Startup.prioritized", "Startup.tagged"], items.Select(i => i.EventType));
    }

    [Fact]
    public async Task The_stream_of_a_namespace_not_granted_fails_with_UnauthorizedAccessException()
    {
        var studio = _server.Client(DoServer.ElsewhereKey).Object<Studio>("https://startups.studio/secret");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Take(studio.Events(0, CancellationToken.None), 1));
    }

    private static async Task<List<EventRecord>> Take(IAsyncEnumerable<EventRecord> events, int count)
    {
        var taken = new List<EventRecord>();
        await foreach (var e in events)
        {
            taken.Add(e);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }
}
