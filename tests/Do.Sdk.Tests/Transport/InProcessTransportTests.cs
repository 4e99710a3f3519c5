using Do.Infrastructure;
using Do.Tests.Generated.IssueProgram;
using Do.Transport;

namespace Do.Tests.Transport;

/// <summary>
/// The seam: generated code reaches an object only through <see cref="IObjectTransport"/>. A transport that carries
/// calls the way a remote one must (by name, JSON only, no delegates) runs the same typed program unchanged.
/// </summary>
public sealed class InProcessTransportTests
{
    [Fact]
    public async Task The_generated_DSL_runs_unchanged_over_a_transport_that_carries_only_names_and_json()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var inner = host.Object<Studio>("https://startups.studio/over-the-wire");
        var wire = new WireTransport(inner.Transport);
        var studio = new ObjectClient<Studio>(wire);

        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Tag("ai");
        var now = await studio.Startup("acme").Get();
        var before = await studio.Startup("acme@~1").Get();
        var history = await studio.Startup("acme").History();
        var branch = await studio.Branch("experiment");

        Assert.Equal(2, now.Priority);
        Assert.Equal(["ai"], now.Tags);
        Assert.Empty(before.Tags);
        Assert.Equal(["Tag", "Prioritize", "create"], history.Select(v => v.Verb));
        Assert.Equal("experiment", branch);
        Assert.Equal(2, wire.VerbCalls);
        Assert.True(wire.Calls >= 7);
        var missing = await Assert.ThrowsAsync<ThingNotFoundException>(() => studio.Startup("nobody").Get());
        Assert.Contains("there is no Startup with id \"nobody\"", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_only_members_say_so_on_another_transport()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = new ObjectClient<Studio>(new WireTransport(host.Object<Studio>("https://startups.studio/in-process-only").Transport));

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => studio.Run(ctx => ctx.Ns));

        Assert.Contains("in-process only", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://startups.studio/in-process-only", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(WireTransport), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_after_a_sequence_come_in_order_through_the_transport()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var studio = host.Object<Studio>("https://startups.studio/events");
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize();
        await studio.Startup("acme").Prioritize();

        var all = await studio.Transport.EventsAsync(0, 100, CancellationToken.None);
        var tail = await studio.Transport.EventsAsync(all[0].Sequence, 100, CancellationToken.None);

        Assert.Equal(["Startup.created", "Startup.prioritized", "Startup.prioritized"], all.Select(e => e.Type));
        Assert.Equal(all.Skip(1).Select(e => e.Sequence), tail.Select(e => e.Sequence));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => studio.Transport.EventsAsync(-1, 10, CancellationToken.None));
    }

    /// <summary>
    /// Forwards every call as a remote transport would send it: the verb by name with its JSON input, never the
    /// generated code's in-process delegate; refs re-parsed from their text. Counts the calls.
    /// </summary>
    private sealed class WireTransport(IObjectTransport inner) : Support.ForwardingTransport(inner)
    {
        public int Calls { get; private set; }

        public int VerbCalls { get; private set; }

        public override IObjectTransport For(ObjectNamespace other) => new WireTransport(Inner.For(other));

        public override Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
        {
            Calls++;
            VerbCalls++;
            var byName = new VerbCall { Noun = call.Noun, Id = call.Id, Verb = call.Verb, InputJson = call.InputJson, Durability = call.Durability };
            return Inner.InvokeAsync(byName, cancellationToken);
        }

        public override Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Count(base.FindAsync(noun, Ref.Parse(reference.ToString()), cancellationToken));

        public override Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Count(base.GetAsync(noun, Ref.Parse(reference.ToString()), cancellationToken));

        public override Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken) => Count(base.HistoryAsync(noun, id, cancellationToken));

        public override Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken) => Count(base.WriteAsync(noun, id, write, json, cancellationToken));

        public override Task<string> BranchAsync(string name, CancellationToken cancellationToken) => Count(base.BranchAsync(name, cancellationToken));

        public override Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Count(Inner.RelateAsync(edge, sides, cancellationToken));

        public override Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Count(Inner.UnrelateAsync(edge, sides, cancellationToken));

        public override Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken) => Count(Inner.RelatedAsync(noun, Ref.Parse(reference.ToString()), type, direction, cancellationToken));

        public override Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken) => Count(Inner.SearchAsync(noun, query, mode, limit, cancellationToken));

        private T Count<T>(T result)
        {
            Calls++;
            return result;
        }
    }
}
