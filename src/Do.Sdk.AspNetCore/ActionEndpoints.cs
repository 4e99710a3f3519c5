using System.ComponentModel;
using System.Globalization;
using Do.Client;
using Do.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore;

/// <summary>The endpoints on an object's action log: read it (paged, filtered), one action, undo and redo; and branch deletion.</summary>
internal static class ActionEndpoints
{
    private const string Tag = "Actions";
    private const string NsDescription = "The object's namespace URL, URL-encoded as one path segment, e.g. https%3A%2F%2Fstartups.studio.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet(DoRoutes.Actions, List).WithName("ListActions").WithTags(Tag)
            .WithSummary("The object's action log, newest first, one page filtered by status, verb, actor, target and time.")
            .Produces<IReadOnlyList<ActionInfo>>();
        group.MapGet(DoRoutes.Action, Get).WithName("GetAction").WithTags(Tag)
            .WithSummary("One action of the log; null when there is none with that id.").Produces<ActionInfo>();
        group.MapPost(DoRoutes.Undo, Undo).WithName("UndoAction").WithTags(Tag)
            .WithSummary("Undoes a thing write (appends the before-state, marks it undone); answers the undo action. A later change to the same fields is a 409 listing them, unless force.")
            .Produces<ActionInfo>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Redo, Redo).WithName("RedoAction").WithTags(Tag)
            .WithSummary("Re-applies an undone action; answers the redo action. A change since the undo is a 409 listing the fields, unless force.")
            .Produces<ActionInfo>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete(DoRoutes.Branch, DeleteBranch).WithName("DeleteBranch").WithTags("Lifecycle")
            .WithSummary("Deletes a branch; one with unmerged work only with force. Answers its name.")
            .Produces<string>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("Only actions in this status: pending, running, completed, failed, undone or retrying.")] string? status,
        [Description("Only actions of this verb, e.g. Prioritize or create.")] string? verb,
        [Description("Only actions caused by this actor, e.g. user:alice.")] string? actor,
        [Description("Only actions on this target URL.")] string? target,
        [Description("Only actions at or after this ISO-8601 time.")] string? since,
        [Description("Only actions before this ISO-8601 time.")] string? until,
        [Description("Only actions with an id below this (the next page: the last id of the previous one).")] long? before,
        [Description("At most this many actions (default 100, at most 1000).")] int? limit,
        CancellationToken cancellationToken)
    {
        var filter = new ActionFilter
        {
            Status = ParseStatus(status),
            Verb = verb,
            Actor = actor,
            Target = target,
            Since = ParseTime(since, nameof(since)),
            Until = ParseTime(until, nameof(until)),
            Before = before,
            Limit = limit ?? 100,
        };
        return Results.Json(await Transport(http).ActionsAsync(filter, cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListActionInfo);
    }

    private static async Task<IResult> Get(HttpContext http, [Description(NsDescription)] string ns, [Description("The action's id.")] long id, CancellationToken cancellationToken)
        => await Transport(http).ActionAsync(id, cancellationToken).ConfigureAwait(false) is { } action
            ? Results.Json(action, DoWireJson.Default.ActionInfo)
            : Results.Text("null", "application/json"); // an absent action is an answer, not an error: the body is JSON null

    private static async Task<IResult> Undo(HttpContext http, [Description(NsDescription)] string ns, [Description("The id of the action to undo.")] long id, [Description("Restore even fields a later action changed.")] bool? force, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).UndoAsync(id, undo: true, force ?? false, cancellationToken).ConfigureAwait(false), DoWireJson.Default.ActionInfo);

    private static async Task<IResult> Redo(HttpContext http, [Description(NsDescription)] string ns, [Description("The id of the undone action to redo.")] long id, [Description("Re-apply even fields changed since the undo.")] bool? force, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).UndoAsync(id, undo: false, force ?? false, cancellationToken).ConfigureAwait(false), DoWireJson.Default.ActionInfo);

    private static async Task<IResult> DeleteBranch(HttpContext http, [Description(NsDescription)] string ns, [Description("The branch to delete.")] string name, [Description("Delete even with unmerged work.")] bool? force, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).DeleteBranchAsync(DoRoutes.Segment(name), force ?? false, cancellationToken).ConfigureAwait(false), DoWireJson.Default.String);

    private static ActionStatus? ParseStatus(string? status)
        => string.IsNullOrEmpty(status) ? null
            : Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var parsed) && !char.IsDigit(status[0]) ? parsed
            : throw new ArgumentException($"status=\"{status}\" is not an action status: expected pending, running, completed, failed, undone or retrying.", nameof(status));

    private static DateTimeOffset? ParseTime(string? text, string name)
        => string.IsNullOrEmpty(text) ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
            : throw new ArgumentException($"{name}=\"{text}\" is not a time: expected ISO-8601, e.g. 2026-11-23T09:00:00Z.", name);

    private static IObjectTransport Transport(HttpContext http) => DoRequest.Of(http).Transport;
}
