using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using Do.Client;
using Do.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Do.AspNetCore;

/// <summary>The endpoints on things: read at a ref, list, history, diff, create/replace/delete, verbs by name.</summary>
internal static class ThingEndpoints
{
    private const string Tag = "Things";
    private const string NsDescription = "The object's namespace URL, URL-encoded as one path segment, e.g. https%3A%2F%2Fstartups.studio.";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet(DoRoutes.Things, List).WithName("ListThings").WithTags(Tag)
            .WithSummary("HEAD of every live thing of a noun on the checked-out branch, ordered by id.")
            .Produces<JsonElement[]>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(DoRoutes.Thing, Get).WithName("GetThing").WithTags(Tag)
            .WithSummary("A thing at a ref: acme, acme@main, acme@v12, acme@~1 or acme@2026-11-23T09:00:00Z.")
            .Produces<JsonElement>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(DoRoutes.History, History).WithName("GetThingHistory").WithTags(Tag)
            .WithSummary("Every version of a thing, newest first.")
            .Produces<IReadOnlyList<ThingVersionData>>();
        group.MapGet(DoRoutes.Diff, Diff).WithName("DiffThing").WithTags(Tag)
            .WithSummary("The top-level fields that differ between two refs of a thing.")
            .Produces<IReadOnlyList<FieldChange>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(DoRoutes.Thing, Create).WithName("CreateThing").WithTags(Tag)
            .WithSummary("Creates a thing with the JSON body as its value.")
            .Accepts<JsonElement>("application/json").Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPut(DoRoutes.Thing, Update).WithName("UpdateThing").WithTags(Tag)
            .WithSummary("Replaces a thing's value with the JSON body, appending a version.")
            .Accepts<JsonElement>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapDelete(DoRoutes.Thing, Delete).WithName("DeleteThing").WithTags(Tag)
            .WithSummary("Deletes a thing (appends a tombstone; its history stays readable).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(DoRoutes.ThingVerb, Invoke).WithName("InvokeThingVerb").WithTags(Tag)
            .WithSummary("Runs a verb on HEAD of a thing, with its arguments as a JSON object body; answers its output, if any.")
            .Accepts<JsonElement>("application/json").Produces<JsonElement>().Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> List(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, CancellationToken cancellationToken)
    {
        var rows = await DoRequest.Of(http).Transport.ListAsync(DoRequest.Noun(noun), cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var json in rows)
            {
                writer.WriteRawValue(json, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }

        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static async Task<IResult> Get(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The thing's ref, URL-encoded: acme, acme@main, acme@v12, acme@~1 or acme@2026-11-23T09:00:00Z.")] string @ref, CancellationToken cancellationToken)
    {
        var json = await DoRequest.Of(http).Transport.GetAsync(DoRequest.Noun(noun), Ref.Parse(DoRoutes.Segment(@ref)), cancellationToken).ConfigureAwait(false);
        return Results.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> History(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The thing's local id, e.g. acme.")] string id, CancellationToken cancellationToken)
        => Results.Json(await DoRequest.Of(http).Transport.HistoryAsync(DoRequest.Noun(noun), DoRoutes.Segment(id), cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListThingVersionData);

    private static async Task<IResult> Diff(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The older ref, e.g. acme@~1.")] string a, [Description("The newer ref, e.g. acme.")] string b, CancellationToken cancellationToken)
        => Results.Json(await DoRequest.Of(http).Transport.DiffAsync(DoRequest.Noun(noun), a, b, cancellationToken).ConfigureAwait(false), DoWireJson.Default.IReadOnlyListFieldChange);

    private static async Task<IResult> Create(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The new thing's local id, e.g. acme.")] string @ref, CancellationToken cancellationToken)
    {
        await Write(http, noun, @ref, ThingWrite.Create, cancellationToken).ConfigureAwait(false);
        return Results.Created(http.Request.Path.Value, null);
    }

    private static async Task<IResult> Update(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The thing's local id, e.g. acme.")] string @ref, CancellationToken cancellationToken)
    {
        await Write(http, noun, @ref, ThingWrite.Update, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> Delete(HttpContext http, [Description(NsDescription)] string ns, [Description("The noun, e.g. Startup.")] string noun, [Description("The thing's local id, e.g. acme.")] string @ref, CancellationToken cancellationToken)
    {
        await DoRequest.Of(http).Transport.WriteAsync(DoRequest.Noun(noun), DoRoutes.Segment(@ref), ThingWrite.Delete, null, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task Write(HttpContext http, string noun, string id, ThingWrite write, CancellationToken cancellationToken)
    {
        var info = DoRequest.Noun(noun);
        var json = await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"{(write == ThingWrite.Create ? "Creating" : "Replacing")} {info.Name} \"{id}\" needs its value as a JSON object body.");
        await DoRequest.Of(http).Transport.WriteAsync(info, DoRoutes.Segment(id), write, json, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> Invoke(
        HttpContext http,
        [Description(NsDescription)] string ns,
        [Description("The noun, e.g. Startup.")] string noun,
        [Description("The thing's local id, e.g. acme.")] string id,
        [Description("The verb's name, e.g. Prioritize.")] string verb,
        [Description("How the verb runs: do (durable, retried, resumed; the default), try (one attempt) or send (started, not awaited).")] string? durability,
        [Description("true: answer once the action is recorded as pending (204); it then runs as a do action in a turn of its own.")] bool? queued,
        CancellationToken cancellationToken)
    {
        var info = DoRequest.Noun(noun);
        var verbInfo = info.FindVerb(verb)
            ?? throw new ArgumentException($"{info.Name} has no verb \"{verb}\". Its verbs: {(info.Verbs.Count == 0 ? "none" : string.Join(", ", info.Verbs.Select(v => v.Name)))}.", nameof(verb));
        var input = await DoRequest.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        var mode = ParseDurability(durability);
        if (queued == true && mode != Durability.Do)
        {
            throw new ArgumentException($"queued=true with durability=\"{durability}\": a queued call runs as a do action; drop durability or pass do.", nameof(durability));
        }

        var call = new VerbCall { Noun = info, Id = DoRoutes.Segment(id), Verb = verbInfo, InputJson = input, Durability = mode, Queued = queued == true };
        return Output(await DoRequest.Of(http).Transport.InvokeAsync(call, cancellationToken).ConfigureAwait(false));
    }

    internal static IResult Output(string? json) => json is null ? Results.NoContent() : Results.Text(json, "application/json", System.Text.Encoding.UTF8);

    internal static Durability ParseDurability(string? durability) => durability switch
    {
        null or "" or "do" => Durability.Do,
        "try" => Durability.Try,
        "send" => Durability.Send,
        _ => throw new ArgumentException($"\"{durability}\" is not a durability: expected do, try or send.", nameof(durability)),
    };
}
