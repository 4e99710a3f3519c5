using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Do.Execution;

namespace Do;

/// <summary>
/// The AI primitives over <see cref="DoHostOptions.ChatClient"/>. Inside a durable action each call is a journaled
/// step (prompt, model, response, tokens): after a retry, a wait or a crash the model is not asked again. Outside one
/// (a handler, a schedule) the model is simply asked.
/// </summary>
public sealed partial class Context
{
    /// <summary>Asks the model and returns its answer as text: <c>await ctx.Ai($"Summarize {text}")</c>.</summary>
    /// <exception cref="InvalidOperationException">No chat client is configured.</exception>
    public Task<string> Ai(PromptHandler prompt) => AiSteps.AskAsync(_activation, "ai", prompt.ToPrompt(), null);

    /// <summary>Asks a yes/no question and returns the model's answer: <c>if (await ctx.Is($"Is {email} spam?"))</c>.</summary>
    /// <exception cref="FormatException">The model did not answer true or false (not journaled: a retry asks again).</exception>
    public async Task<bool> Is(PromptHandler prompt)
    {
        var built = prompt.ToPrompt();
        var question = built with { Template = built.Template + "\n\nAnswer as JSON: {\"value\": true} or {\"value\": false}." };
        var response = await AiSteps.AskAsync(_activation, "is", question, AiSteps.Schema("answer", """{"type":"object","properties":{"value":{"type":"boolean"}},"required":["value"],"additionalProperties":false}""")).ConfigureAwait(false);
        var value = AiSteps.ValueOf(response, built.Template);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new FormatException($"The model's answer to \"{built.Template}\" is not true or false: {AiSteps.Shorten(response)}"),
        };
    }

    /// <summary>Asks the model to choose one of <paramref name="options"/> and returns it (exactly as given).</summary>
    /// <exception cref="ArgumentException">Fewer than two options, or an empty one.</exception>
    /// <exception cref="FormatException">The model answered something that is not one of the options.</exception>
    public async Task<string> Decide(PromptHandler prompt, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 2 || options.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Decide needs at least two non-empty options; got [{string.Join(", ", options.Select(o => "\"" + o + "\""))}].", nameof(options));
        }

        var built = prompt.ToPrompt();
        var list = JsonSerializer.Serialize(options.ToArray(), StepJsonContext.Default.StringArray);
        var question = built with { Template = built.Template + "\n\nChoose exactly one of the options and answer as JSON: {\"value\": \"<option>\"}. Options: " + list.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) };
        var schema = NounJson.WriteObject(list, static (w, l) =>
        {
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            w.WriteStartObject("value");
            w.WriteString("type", "string");
            w.WritePropertyName("enum");
            w.WriteRawValue(l);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("required");
            w.WriteStringValue("value");
            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
        });
        var response = await AiSteps.AskAsync(_activation, "decide", question, AiSteps.Schema("decision", schema)).ConfigureAwait(false);
        var value = AiSteps.ValueOf(response, built.Template);
        var chosen = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return options.FirstOrDefault(o => string.Equals(o, chosen, StringComparison.Ordinal))
            ?? options.FirstOrDefault(o => string.Equals(o, chosen?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"The model chose \"{chosen ?? AiSteps.Shorten(response)}\", which is not one of {list}.");
    }

    /// <summary>
    /// Asks the model for a <typeparamref name="T"/> through structured output (its JSON schema from
    /// <paramref name="json"/>, no reflection) and returns it: <c>await ctx.Generate($"A tagline for {name}", MyJson.Default.Tagline)</c>.
    /// </summary>
    /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
    public async Task<T> Generate<T>(PromptHandler prompt, JsonTypeInfo<T> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var built = prompt.ToPrompt();
        var response = await AiSteps.AskAsync(_activation, "generate", built, AiSteps.SchemaOf(json)).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(AiSteps.Unfence(response), json)
                ?? throw new FormatException($"The model answered null to \"{built.Template}\"; expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The model's answer to \"{built.Template}\" is not a JSON {typeof(T).Name}: {AiSteps.Shorten(response)}", e);
        }
    }

    /// <summary>Like <see cref="Generate{T}(PromptHandler, JsonTypeInfo{T})"/> for the built-in types (string, bool, numbers, Guid, dates, string lists).</summary>
    public Task<T> Generate<T>(PromptHandler prompt)
        => Generate(prompt, StepJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} has no built-in JSON form; pass its JsonTypeInfo<{typeof(T).Name}> (from a JsonSerializerContext, or NounJson.TypeInfo<{typeof(T).Name}>())."));
}
