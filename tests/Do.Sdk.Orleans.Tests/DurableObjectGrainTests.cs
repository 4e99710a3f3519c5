using Do.Orleans.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Do.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DurableObjectGrainTests(ClusterFixture fixture)
{
    private global::Orleans.IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Concurrent_verbs_on_many_objects_lose_no_update_and_each_event_runs_its_handler_once()
    {
        const int Objects = 12, Increments = 15;
        var boards = Enumerable.Range(0, Objects).Select(i => Client.Object<Board>($"https://boards.test/concurrent-{i}")).ToList();
        await Task.WhenAll(boards.Select(b => b.Counters.Create("c", new Counter())));

        await Task.WhenAll(boards.SelectMany(b => Enumerable.Range(0, Increments).Select(_ => b.Counter("c").Increment())));

        foreach (var board in boards)
        {
            Assert.Equal(Increments, (await board.Counter("c").Get()).Value);
            Assert.Equal(Increments + 1, (await board.Counter("c").History()).Count);
            for (int value = 1; value <= Increments; value++)
            {
                Assert.Equal(1, Board.Handled.GetValueOrDefault($"{board.Ns} {value}"));
            }
        }

        var silos = await Task.WhenAll(boards.Select(b => fixture.SiloOf(b.Ns)));
        Assert.True(silos.Distinct().Count() > 1, $"all {Objects} objects ran on {silos[0]}; the test means to spread them over the silos");
    }

    [Fact]
    public async Task Time_travel_and_branches_work_on_a_clustered_object()
    {
        var board = Client.Object<Board>("https://boards.test/history");
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(5);
        await board.Counter("c").Increment(2);

        Assert.Equal(5, (await board.Counter("c@~1").Get()).Value);
        Assert.Equal(["Increment", "Increment", "create"], (await board.Counter("c").History()).Select(v => v.Verb));

        Assert.Equal("experiment", await board.Branch("experiment"));
        await board.Checkout("experiment");
        await board.Counter("c").Increment(10);
        Assert.Equal(17, (await board.Counter("c").Get()).Value);
        await board.Checkout("main");
        Assert.Equal(7, (await board.Counter("c").Get()).Value);

        var merged = await board.Merge("experiment");

        Assert.Equal(1, merged.Changed);
        Assert.Equal(17, (await board.Counter("c").Get()).Value);
        Assert.Equal(["main", "experiment"], await board.Branches());
    }

    [Fact]
    public async Task A_call_chain_that_comes_back_across_silos_reenters_the_waiting_turn()
    {
        var (a, b) = await TwoObjectsOnDifferentSilos("relay");

        // A's turn calls B, whose turn calls A (still in its turn), which calls B again, and so on: no deadlock, also
        // when a call comes back to A a second time, inside the call that came back the first time.
        await Client.Object<Board>(a).Relay(b, 5);

        Assert.Equal([$"hop 1 in {a}", $"hop 3 in {a}", $"hop 5 in {a}"], (await Client.Object<Board>(a).Notes.List()).Select(n => n.Text).Order());
        Assert.Equal([$"hop 0 in {b}", $"hop 2 in {b}", $"hop 4 in {b}"], (await Client.Object<Board>(b).Notes.List()).Select(n => n.Text).Order());
        Assert.NotEqual(await fixture.SiloOf(a), await fixture.SiloOf(b));
    }

    [Fact]
    public async Task A_verb_sent_from_a_turn_calls_back_in_a_turn_of_its_own_not_inside_the_sender()
    {
        var (a, b) = await TwoObjectsOnDifferentSilos("bounce");
        var key = "bounce-" + Guid.NewGuid().ToString("N")[..8];
        var order = Board.Bounces[key] = new();
        var gate = Board.BounceGates[key] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await Client.Object<Board>(b).Balls.Create(key, new Ball());
        long queuedOnA = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Do.Sdk" && instrument.Name == "do.turn.queued")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, delta, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Value as string == a)
                {
                    Interlocked.Add(ref queuedOnA, delta);
                }
            }
        });
        listener.Start();

        // A's turn sends a ball to B (fire-and-forget), whose verb calls back A while A's turn still runs.
        var bounce = Client.Object<Board>(a).Bounce(b, key);
        await Wait.Until(() => order.Contains("bounce sent"), "A's turn sent the ball");
        // Bounce's own wait for the turn is over by now: a call queued for A's turn from here on is the call back.
        await Wait.Until(() => order.Contains("mark") || Interlocked.Read(ref queuedOnA) > 0, "the call back to A ran or waits for A's turn");
        gate.SetResult();
        await bounce;
        await Wait.UntilAsync(async () => (await Client.Object<Board>(b).Ball(key).Get()).Returns == 1, "the ball came back");

        // The sent verb did not carry A's open call in its chain: its call back waited for A's turn to end instead of
        // joining it and running beside it.
        Assert.Equal(["bounce sent", "bounce done", "mark"], order);
    }

    [Fact]
    public async Task A_handler_of_a_group_committed_verb_whose_call_comes_back_re_enters_the_groups_turn()
    {
        var (a, b) = await TwoObjectsOnDifferentSilos("kick");
        Board.KickPartners[a] = b;
        await Client.Object<Board>(a).Balls.Create("k", new Ball());

        // Kick is a group-commit member; its handler runs in the group's turn and calls B, whose relay calls back A.
        await Client.Object<Board>(a).Ball("k").Kick().WaitAsync(Wait.Guard);

        Assert.Equal([$"hop 0 in {a}"], (await Client.Object<Board>(a).Notes.List()).Select(n => n.Text));
        Assert.Equal([$"hop 1 in {b}"], (await Client.Object<Board>(b).Notes.List()).Select(n => n.Text));
        Assert.Empty(await Client.Object<Board>(a).DeadLetters());
    }

    [Fact]
    public async Task MoveTo_another_silo_migrates_the_object_and_keeps_its_data()
    {
        const string Ns = "https://boards.test/moving";
        var board = Client.Object<Board>(Ns);
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment(4);
        var from = await fixture.SiloOf(Ns);
        var to = fixture.Cluster.Silos.Select(s => s.Name).First(n => n != from);

        Assert.Equal(to, await board.MoveTo(to));
        await Wait.UntilAsync(async () => await fixture.SiloOf(Ns) == to, $"{Ns} runs on {to}");

        Assert.Equal(4, (await board.Counter("c").Get()).Value);
        await board.Counter("c").Increment();
        Assert.Equal(5, (await board.Counter("c").Get()).Value);
        Assert.Equal(3, (await board.Counter("c").History()).Count);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => board.MoveTo("mars"));
        Assert.Contains("\"mars\" is neither a colo", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_come_back_as_the_objects_own_exception_types_with_their_messages()
    {
        var board = Client.Object<Board>("https://boards.test/errors");
        await board.Counters.Create("c", new Counter());

        var missing = await Assert.ThrowsAsync<ThingNotFoundException>(() => board.Counter("nobody").Get());
        var wrongClass = await Assert.ThrowsAsync<ObjectClassMismatchException>(() => Client.Object<Other>("https://boards.test/errors").Counters.List());

        Assert.Contains("there is no Counter with id \"nobody\"", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Board", wrongClass.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_activations_of_one_object_never_hold_its_file_at_once()
    {
        const string Ns = "https://boards.test/fenced";
        var board = Client.Object<Board>(Ns);
        await board.Counters.Create("c", new Counter());
        await board.Counter("c").Increment();
        var owner = await fixture.SiloOf(Ns);
        var other = fixture.Cluster.Silos.First(s => s.Name != owner);
        var otherSilo = fixture.Cluster.GetSiloServiceProvider(other.SiloAddress).GetRequiredService<DurableObjectsSilo>();

        // What a second activation on another silo would do first: take the fence. It cannot while the first holds it.
        var refused = await Assert.ThrowsAsync<ObjectFencedException>(() => otherSilo.Fence.AcquireAsync(ObjectNamespace.Parse(Ns), TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Contains(Ns, refused.Message, StringComparison.Ordinal);

        // Once the first activation is gone (its file closed), the fence can be taken — and the data is all there.
        await fixture.Cluster.DeactivateAsync(Client.GetGrain<IDurableObjectGrain>(Ns));
        using (await otherSilo.Fence.AcquireAsync(ObjectNamespace.Parse(Ns), Wait.Guard, CancellationToken.None))
        {
            Assert.Null(otherSilo.Host.ActivationOf(ObjectNamespace.Parse(Ns)));
        }

        Assert.Equal(1, (await board.Counter("c").Get()).Value);
    }

    private async Task<(string A, string B)> TwoObjectsOnDifferentSilos(string prefix)
    {
        var a = $"https://boards.test/{prefix}-a";
        await Client.Object<Board>(a).Counters.List();
        var home = await fixture.SiloOf(a);
        for (int i = 0; ; i++)
        {
            var b = $"https://boards.test/{prefix}-b{i}";
            await Client.Object<Board>(b).Counters.List();
            if (await fixture.SiloOf(b) != home)
            {
                return (a, b);
            }
        }
    }
}
