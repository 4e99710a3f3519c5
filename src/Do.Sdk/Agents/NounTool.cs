using System.Text;
using System.Text.Json;
using Do.Transport;
using Microsoft.Extensions.AI;

namespace Do;

/// <summary>
/// One of a noun's tools offered to a model (<c>{Noun}_{Verb}</c>, <c>{Noun}_Get</c>, <c>{Noun}_List</c>). Its schema
/// is the one the generator emitted for the verb; invoking it goes through the object's transport by name, as a
/// <see cref="VerbCall"/> with JSON input, so it reaches the noun's things in any object. A bad call (unknown id,
/// missing argument, a verb that throws) is answered with an error text the model can read, not thrown.
/// </summary>
public sealed class NounTool : AIFunction
{
    private static readonly JsonElement s_getSchema = Parse("""{"type":"object","properties":{"id":{"type":"string","description":"The local id of the thing to read."}},"required":["id"],"additionalProperties":false}""");
    private static readonly JsonElement s_listSchema = Parse("""{"type":"object","properties":{},"additionalProperties":false}""");

    private readonly IObjectTransport _transport;

    internal NounTool(NounInfo noun, NounToolKind kind, VerbInfo? verb, IObjectTransport transport)
    {
        Noun = noun;
        Kind = kind;
        Verb = verb;
        _transport = transport;
        Name = noun.Name + "_" + (kind switch { NounToolKind.Get => "Get", NounToolKind.List => "List", _ => verb!.Name });
        Description = kind switch
        {
            NounToolKind.Get => $"Reads the {noun.Name} with the given id as JSON.",
            NounToolKind.List => $"Lists every {noun.Name} as a JSON array.",
            _ => $"Runs {verb!.Name} on the {noun.Name} with the given id"
                + (verb.RequiresApproval ? "; a human approves each call first." : "."),
        };
        JsonSchema = kind switch
        {
            NounToolKind.Get => s_getSchema,
            NounToolKind.List => s_listSchema,
            _ => Parse(verb!.ArgumentsSchema ?? throw new ArgumentException($"The verb {noun.Name}.{verb.Name} has no ArgumentsSchema; tools are built from generator-emitted metadata (rebuild the assembly that declares {noun.Name}).", nameof(verb))),
        };
    }

    /// <summary>The noun whose things the tool reaches.</summary>
    public NounInfo Noun { get; }

    /// <summary>A verb, a read or a list.</summary>
    public NounToolKind Kind { get; }

    /// <summary>The verb a <see cref="NounToolKind.Verb"/> tool runs; null otherwise.</summary>
    public VerbInfo? Verb { get; }

    /// <summary>True when a human approves each call first (<c>[Verb(RequiresApproval = true)]</c>).</summary>
    public bool RequiresApproval => Verb?.RequiresApproval == true;

    /// <summary>The namespace of the object whose things the tool reaches.</summary>
    public ObjectNamespace Target => _transport.Namespace;

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override JsonElement JsonSchema { get; }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        => await CallAsync(arguments, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs the tool with the model's arguments; returns what the model reads back (JSON, or an error text).</summary>
    internal async Task<string> CallAsync(IEnumerable<KeyValuePair<string, object?>> arguments, CancellationToken cancellationToken)
    {
        try
        {
            if (Kind == NounToolKind.List)
            {
                var items = await _transport.ListAsync(Noun, cancellationToken).ConfigureAwait(false);
                return "[" + string.Join(",", items) + "]"; // each item is already a JSON object
            }

            var id = Agents.ToolArguments.Text(arguments, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                return $"Error: {Name} needs \"id\", the local id of a {Noun.Name} as a string (e.g. {{\"id\":\"acme\"}}).";
            }

            if (Kind == NounToolKind.Get)
            {
                return await _transport.FindAsync(Noun, Ref.Head(id), cancellationToken).ConfigureAwait(false)
                    ?? $"Error: there is no {Noun.Name} \"{id}\".";
            }

            var input = Agents.ToolArguments.ToJson(arguments, skip: "id");
            var output = await _transport.InvokeAsync(new VerbCall { Noun = Noun, Id = id, Verb = Verb!, InputJson = input == "{}" ? null : input }, cancellationToken).ConfigureAwait(false);
            return output ?? """{"ok":true}""";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The model chose the call; it gets the reason back and may correct itself, as a function-invoking client would.
            return "Error: " + (e is ActionFailedException { InnerException: { } inner } ? inner.Message : e.Message);
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        return document.RootElement.Clone();
    }
}
