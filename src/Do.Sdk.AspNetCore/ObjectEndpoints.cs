using System.ComponentModel;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Do.Client;
using Do.Infrastructure;
using Do.Storage;
using Do.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore;

/// <summary>The endpoints on a whole object: its verbs, lifecycle, events, dead letters, schedules and links.</summary>
internal static class ObjectEndpoints
{
    private const string NsDescription = "The object's namespace URL, URL-encoded as one path segment, e.g. https%3A%2F%2Fstartups.studio.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost(DoRoutes.ObjectVerb, Invoke).WithName("InvokeObjectVerb").WithTags("Objects")
            .WithSummary("Runs a verb declared on the object's class, with its arguments as a JSON object body.")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>().Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        const string Lifecycle = "Lifecycle";
        group.MapGet(DoRoutes.Branches, Branches).WithName("ListBranches").WithTags(Lifecycle)
            .WithSummary("The object's branches, main first.").Produces<IReadOnlyList<string>>();
        group.MapPost(DoRoutes.Branch, Branch).WithName("CreateBranch").WithTags(Lifecycle)
            .WithSummary("Creates a branch at the current head.").Produces<string>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(DoRoutes.Checkout, CheckedOut).WithName("GetCheckedOut").WithTags(Lifecycle)
            .WithSummary("What is checked out: a branch name, or @v{n} for a read-only view.").Produces<string>();
        group.MapPost(DoRoutes.CheckoutRef, Checkout).WithName("Checkout").WithTags(Lifecycle)
            .WithSummary("Checks out a branch (main, experiment) or a read-only view (@v12, @~1, @2026-11-23T09:00:00Z).")
            .Produces<string>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Merge, Merge).WithName("Merge").WithTags(Lifecycle)
            .WithSummary("Three-way merge of a branch into the checked-out branch; a conflict writes nothing and lists every field.")
            .Produces<MergeResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Fork, Fork).WithName("Fork").WithTags(Lifecycle)
            .WithSummary("Creates a new object from the current HEAD state; answers its namespace. The caller must be granted both.")
            .Produces<string>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Compact, Compact).WithName("Compact").WithTags(Lifecycle)
            .WithSummary("Squashes history to HEAD rows, archiving older actions and events.")
            .Produces<CompactResult>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Move, Move).WithName("MoveTo").WithTags(Lifecycle)
            .WithSummary("Moves the object's file to a configured colo; answers where it now lives.")
            .Produces<string>().ProducesProblem(StatusCodes.Status409Conflict);

        const string Events = "Events";
        group.MapGet(DoRoutes.Events, EventsPage).WithName("ListEvents").WithTags(Events)
            .WithSummary("Events with a sequence above 'after', oldest first. With Accept: text/event-stream, a live stream of server-sent events (id = sequence) that resumes from Last-Event-ID.")
            .Produces<IReadOnlyList<EventRecord>>().Produces<EventRecord>(StatusCodes.Status200OK, DoRoutes.EventStream);
        group.MapGet(DoRoutes.DeadLetters, DeadLetters).WithName("ListDeadLetters").WithTags(Events)
            .WithSummary("Events a handler kept failing on, oldest first.").Produces<IReadOnlyList<DeadLetter>>();
        group.MapPost(DoRoutes.Replay, Replay).WithName("ReplayDeadLetter").WithTags(Events)
            .WithSummary("Runs a dead letter's handler again; true when it succeeded.").Produces<bool>();

        group.MapGet(DoRoutes.Schedules, Schedules).WithName("ListSchedules").WithTags("Objects")
            .WithSummary("The object's persisted schedules with their next and last run times.").Produces<IReadOnlyList<ScheduleState>>();
        group.MapGet(DoRoutes.Links, Links).WithName("ListLinks").WithTags("Objects")
            .WithSummary("The object's links to other objects in a role: parent, root or child.").Produces<IReadOnlyList<ObjectLink>>();
    }

    private static async Task<IResult> Invoke(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("The verb's name, e.g. Restock.")] string verb,
        [Description("How the verb runs: do, try or send.")] string? durability,
        CancellationToken cancellationToken)
    {
        var input = await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        // The object's class (and so its verb table) is known where the object runs; the verb is resolved there.
        var call = new VerbCall { Verb = new VerbInfo(verb, "", IsAsync: true), InputJson = input, Durability = ThingEndpoints.ParseDurability(durability) };
        return ThingEndpoints.Output(await DoRequest.Of(http).Transport.InvokeAsync(call, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> Branches(HttpContext http, [Description(NsDescription)] string ns, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).BranchesAsync(cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListString);

    private static async Task<IResult> Branch(HttpContext http, [Description(NsDescription)] string ns, [Description("The new branch's name, e.g. experiment.")] string name, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).BranchAsync(DoRoutes.Segment(name), cancellationToken).ConfigureAwait(false), DoWireJson.Default.String);

    private static async Task<IResult> CheckedOut(HttpContext http, [Description(NsDescription)] string ns, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).CheckedOutAsync(cancellationToken).ConfigureAwait(false), DoWireJson.Default.String);

    private static async Task<IResult> Checkout(HttpContext http, [Description(NsDescription)] string ns, [Description("A branch or a read-only view, URL-encoded, e.g. main or @~1.")] string @ref, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).CheckoutAsync(DoRoutes.Segment(@ref), cancellationToken).ConfigureAwait(false), DoWireJson.Default.String);

    private static async Task<IResult> Merge(HttpContext http, [Description(NsDescription)] string ns, [Description("The branch to merge into the checked-out one.")] string branch, [Description("On conflict: none (fail, the default), ours or theirs.")] string? strategy, CancellationToken cancellationToken)
    {
        var chosen = strategy switch
        {
            null or "" or "none" => MergeStrategy.None,
            "ours" => MergeStrategy.Ours,
            "theirs" => MergeStrategy.Theirs,
            _ => throw new ArgumentException($"\"{strategy}\" is not a merge strategy: expected none, ours or theirs.", nameof(strategy)),
        };
        return Results.Json(await Transport(http).MergeAsync(DoRoutes.Segment(branch), chosen, cancellationToken).ConfigureAwait(false), DoWireJson.Default.MergeResult);
    }

    private static async Task<IResult> Fork(HttpContext http, [Description(NsDescription)] string ns, [Description("The new object's namespace URL, URL-encoded.")] string to, CancellationToken cancellationToken)
    {
        var forked = await Transport(http).ForkAsync(ObjectNamespace.Parse(DoRoutes.Segment(to)), cancellationToken).ConfigureAwait(false);
        return Results.Json(forked.Namespace.Value, DoWireJson.Default.String);
    }

    private static async Task<IResult> Compact(HttpContext http, [Description(NsDescription)] string ns, [Description("Drop other branches instead of refusing.")] bool? force, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).CompactAsync(force ?? false, cancellationToken).ConfigureAwait(false), DoWireJson.Default.CompactResult);

    private static async Task<IResult> Move(HttpContext http, [Description(NsDescription)] string ns, [Description("A colo configured on the server.")] string colo, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).MoveToAsync(DoRoutes.Segment(colo), cancellationToken).ConfigureAwait(false), DoWireJson.Default.String);

    private static async Task<IResult> EventsPage(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("Only events with a sequence above this; 0 for all.")] long? after,
        [Description("At most this many events (default 100, at most 1000); ignored for a stream.")] int? limit,
        CancellationToken cancellationToken)
    {
        var from = after ?? 0;
        if (from < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(after), from, $"after={from} is not a sequence: expected 0 or more.");
        }

        if (http.Request.Headers.Accept.ToString().Contains(DoRoutes.EventStream, StringComparison.OrdinalIgnoreCase))
        {
            // A reconnecting EventSource says where it stopped; that wins over the query it reconnects with.
            if (long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var lastId) && lastId > from)
            {
                from = lastId;
            }

            return TypedResults.ServerSentEvents(Stream(Transport(http), from, http.RequestAborted));
        }

        var count = limit ?? 100;
        if (count is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), count, $"limit={count} is out of range: expected 1 to 1000.");
        }

        return Results.Json(await Transport(http).EventsAsync(from, count, cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListEventRecord);
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(IObjectTransport transport, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var events = EventPolling.StreamAsync(transport, after, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The subscriber disconnected: the normal end of a live stream, not an error to log.
                yield break;
            }

            var record = events.Current;
            yield return new SseItem<string>(JsonSerializer.Serialize(record, DoWireJson.Default.EventRecord), record.Type)
            {
                EventId = record.Sequence.ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private static async Task<IResult> DeadLetters(HttpContext http, [Description(NsDescription)] string ns, [Description("Also list dead letters already replayed.")] bool? includeReplayed, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).DeadLettersAsync(includeReplayed ?? false, cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListDeadLetter);

    private static async Task<IResult> Replay(HttpContext http, [Description(NsDescription)] string ns, [Description("The dead letter's id.")] long id, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).ReplayAsync(id, cancellationToken).ConfigureAwait(false), DoWireJson.Default.Boolean);

    private static async Task<IResult> Schedules(HttpContext http, [Description(NsDescription)] string ns, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).SchedulesAsync(cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListScheduleState);

    private static async Task<IResult> Links(HttpContext http, [Description(NsDescription)] string ns, [Description("parent, root or child.")] string role, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).LinksAsync(DoRoutes.Segment(role), cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListObjectLink);

    private static IObjectTransport Transport(HttpContext http) => DoRequest.Of(http).Transport;
}
