using System.ComponentModel;
using System.Text.Json;
using Do.Agents;
using Do.Client;
using Do.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore;

/// <summary>The endpoints of durable steps and workers: signals to waiting actions, a human's approval queue, agent runs.</summary>
internal static class WorkerEndpoints
{
    private const string NsDescription = "The object's namespace URL, URL-encoded as one path segment, e.g. https%3A%2F%2Fstartups.studio.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost(DoRoutes.Signal, Signal).WithName("SignalAction").WithTags("Actions")
            .WithSummary("Sends a signal with the JSON body as its value (empty: null) to a durable action: it ends that action's WaitFor on the signal, or is kept for a later one. Answers true when a waiting action was woken.")
            .Accepts<JsonElement>("application/json").Produces<bool>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(DoRoutes.Approvals, Approvals).WithName("ListApprovals").WithTags("Humans")
            .WithSummary("The approval requests waiting in a Human's queue, oldest first.")
            .Produces<IReadOnlyList<ApprovalRequest>>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.Respond, Respond).WithName("RespondToApproval").WithTags("Humans")
            .WithSummary("Answers an approval request with {approved, by, comment}; the waiting action runs on. 'by' must be the caller's own actor or one a do:actor claim grants it.")
            .Accepts<ApprovalDecision>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.AgentRuns, RunAgent).WithName("RunAgent").WithTags("Agents")
            .WithSummary("Runs an Agent toward {goal} as one durable action; answers the finished run (id, status, output, steps, tokens).")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Signal(HttpContext http, [Description(NsDescription)] string ns, [Description("The waiting action's id.")] long id, [Description("The signal's name, as the action's WaitFor names it.")] string signal, CancellationToken cancellationToken)
    {
        var value = await DoRequest.TextAsync(http.Request, cancellationToken).ConfigureAwait(false);
        return Results.Json(await Transport(http).SignalAsync(id, DoRoutes.Segment(signal), value, cancellationToken).ConfigureAwait(false), DoWireJson.Default.Boolean);
    }

    private static async Task<IResult> Approvals(HttpContext http, [Description(NsDescription)] string ns, CancellationToken cancellationToken)
        => Results.Json(await Transport(http).ApprovalsAsync(cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListApprovalRequest);

    private static async Task<IResult> Respond(HttpContext http, [Description(NsDescription)] string ns, [Description("The request's id in the human's queue.")] long id, CancellationToken cancellationToken)
    {
        var body = await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var answer = (body is null ? null : JsonSerializer.Deserialize(body, DoWireJson.Default.ApprovalDecision))
            ?? throw new ArgumentException("An answer needs a JSON body {\"approved\": true, \"by\": \"user:alice\", \"comment\": \"…\"}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(answer.By, "by");

        // The decider's name goes into the human's file and the requester's action: the same rule as the Do-Actor header.
        var request = DoRequest.Of(http);
        if (answer.By != request.Actor && !DoActorAuthorization.IsGranted(http.User, answer.By))
        {
            return new ProblemResult(StatusCodes.Status403Forbidden, nameof(UnauthorizedAccessException), $"The caller may not answer as \"{answer.By}\": it answers as itself, \"{request.Actor}\", or as an actor a \"{DoActorAuthorization.ClaimType}\" claim grants it (e.g. user:*).");
        }

        await request.Transport.RespondAsync(id, answer.Approved, answer.By, answer.Comment, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> RunAgent(HttpContext http, [Description(NsDescription)] string ns, CancellationToken cancellationToken)
    {
        var goal = AgentRunJson.ReadGoal(await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false));
        return ThingEndpoints.Output(await Transport(http).RunAgentAsync(goal, cancellationToken).ConfigureAwait(false));
    }

    private static IObjectTransport Transport(HttpContext http) => DoRequest.Of(http).Transport;
}
