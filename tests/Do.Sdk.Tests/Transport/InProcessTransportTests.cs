using Do.Storage;
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
    /// generated code's in-process delegate.
    /// </summary>
    private sealed class WireTransport(IObjectTransport inner) : IObjectTransport
    {
        public int Calls { get; private set; }

        public int VerbCalls { get; private set; }

        public ObjectNamespace Namespace => inner.Namespace;

        public IObjectTransport For(ObjectNamespace other) => new WireTransport(inner.For(other));

        public Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken)
        {
            Calls++;
            VerbCalls++;
            var byName = new VerbCall { Noun = call.Noun, Id = call.Id, Verb = call.Verb, InputJson = call.InputJson, Durability = call.Durability };
            return inner.InvokeAsync(byName, cancellationToken);
        }

        public Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Count(inner.FindAsync(noun, Ref.Parse(reference.ToString()), cancellationToken));

        public Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken) => Count(inner.GetAsync(noun, Ref.Parse(reference.ToString()), cancellationToken));

        public Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken) => Count(inner.ListAsync(noun, cancellationToken));

        public Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken) => Count(inner.HistoryAsync(noun, id, cancellationToken));

        public Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken) => Count(inner.DiffAsync(noun, refA, refB, cancellationToken));

        public Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken) => Count(inner.WriteAsync(noun, id, write, json, cancellationToken));

        public Task<string> BranchAsync(string name, CancellationToken cancellationToken) => Count(inner.BranchAsync(name, cancellationToken));

        public Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken) => Count(inner.CheckoutAsync(reference, cancellationToken));

        public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) => Count(inner.BranchesAsync(cancellationToken));

        public Task<string> CheckedOutAsync(CancellationToken cancellationToken) => Count(inner.CheckedOutAsync(cancellationToken));

        public Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken) => Count(inner.MergeAsync(branch, strategy, cancellationToken));

        public async Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken) => new WireTransport(await Count(inner.ForkAsync(to, cancellationToken)));

        public Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken) => Count(inner.CompactAsync(force, cancellationToken));

        public Task<string> MoveToAsync(string colo, CancellationToken cancellationToken) => Count(inner.MoveToAsync(colo, cancellationToken));

        public Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken) => Count(inner.EventsAsync(after, limit, cancellationToken));

        public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken) => Count(inner.DeadLettersAsync(includeReplayed, cancellationToken));

        public Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken) => Count(inner.ReplayAsync(deadLetterId, cancellationToken));

        public Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken) => Count(inner.SchedulesAsync(cancellationToken));

        public Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken) => Count(inner.LinksAsync(role, cancellationToken));

        public Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Count(inner.RelateAsync(edge, sides, cancellationToken));

        public Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken) => Count(inner.UnrelateAsync(edge, sides, cancellationToken));

        public Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken) => Count(inner.RelatedAsync(noun, Ref.Parse(reference.ToString()), type, direction, cancellationToken));

        public Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken) => Count(inner.SearchAsync(noun, query, mode, limit, cancellationToken));

        private T Count<T>(T result)
        {
            Calls++;
            return result;
        }
    }
}
