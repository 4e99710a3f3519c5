using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Do.Execution;
using Do.Hosting;
using Microsoft.Extensions.AI;

namespace Do.Workers;

/// <summary>
/// The questions behind <c>ctx.Ai/Is/Decide/Generate</c> and an agent's <c>Ask/Decide/Generate/Approve</c>: one prompt
/// shape and one answer check each, asked as a journaled step of the activation's current action (if any).
/// An agent passes its instructions and chat options so it answers in its own voice.
/// </summary>
internal static class AiPrimitives
{
    private const string BuiltInTypes = "string, bool, int, long, double, decimal, Guid, DateTimeOffset, TimeSpan, string[], List<string>, Dictionary<string, string>";

    public static Task<string> AskAsync(ObjectActivation activation, string name, Prompt prompt, string? system = null, ChatOptions? options = null)
        => AiSteps.AskAsync(activation, name, prompt, null, system, options);

    public static async Task<bool> IsAsync(ObjectActivation activation, Prompt prompt, string? system = null, ChatOptions? options = null)
    {
        var question = prompt with { Template = prompt.Template + "\n\nAnswer as JSON: {\"value\": true} or {\"value\": false}." };
        var response = await AiSteps.AskAsync(activation, "is", question, AiSteps.Schema("answer", """{"type":"object","properties":{"value":{"type":"boolean"}},"required":["value"],"additionalProperties":false}"""), system, options).ConfigureAwait(false);
        var value = AiSteps.ValueOf(response, prompt.Template);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw new FormatException($"The model's answer to \"{prompt.Template}\" is not true or false: {AiSteps.Shorten(response)}"),
        };
    }

    public static async Task<string> DecideAsync(ObjectActivation activation, Prompt prompt, IReadOnlyList<string> options, string? system = null, ChatOptions? chatOptions = null)
    {
        RequireOptions(options);
        var list = JsonSerializer.Serialize(options.ToArray(), StepJsonContext.Default.StringArray);
        var question = prompt with { Template = prompt.Template + "\n\nChoose exactly one of the options and answer as JSON: {\"value\": \"<option>\"}. Options: " + list.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) };
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
        var response = await AiSteps.AskAsync(activation, "decide", question, AiSteps.Schema("decision", schema), system, chatOptions).ConfigureAwait(false);
        var value = AiSteps.ValueOf(response, prompt.Template);
        var chosen = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return options.FirstOrDefault(o => string.Equals(o, chosen, StringComparison.Ordinal))
            ?? options.FirstOrDefault(o => string.Equals(o, chosen?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException($"The model chose \"{chosen ?? AiSteps.Shorten(response)}\", which is not one of {list}.");
    }

    public static async Task<T> GenerateAsync<T>(ObjectActivation activation, Prompt prompt, JsonTypeInfo<T> json, string? system = null, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var response = await AiSteps.AskAsync(activation, "generate", prompt, AiSteps.SchemaOf(json), system, options).ConfigureAwait(false);
        return ReadGenerated(response, json, prompt.Template, "The model");
    }

    /// <summary>A generated value from its JSON text; <paramref name="who"/> names the answerer in the error.</summary>
    public static T ReadGenerated<T>(string response, JsonTypeInfo<T> json, string question, string who)
    {
        try
        {
            return JsonSerializer.Deserialize(AiSteps.Unfence(response), json)
                ?? throw new FormatException($"{who} answered null to \"{question}\"; expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{who}'s answer to \"{question}\" is not a JSON {typeof(T).Name}: {AiSteps.Shorten(response)}", e);
        }
    }

    /// <summary>
    /// JSON metadata for <typeparamref name="T"/> when the caller passed none (<c>Generate&lt;T&gt;(prompt)</c>): the
    /// built-in source-generated forms first (string, bool, numbers, Guid, dates, string lists), the same in every app;
    /// then, where the app allows reflection-based JSON (the default, off when trimmed or Native AOT), M.E.AI's default
    /// options, the metadata <c>IChatClient.GetResponseAsync&lt;T&gt;</c> uses. Otherwise it says what to pass.
    /// </summary>
    /// <exception cref="NotSupportedException">No built-in form, and reflection-based JSON is off (or cannot handle the type).</exception>
    public static JsonTypeInfo<T> DefaultJson<T>() => DefaultJson<T>(JsonSerializer.IsReflectionEnabledByDefault);

    /// <summary><see cref="DefaultJson{T}()"/> with the app's reflection switch given, so both sides can be tested.</summary>
    internal static JsonTypeInfo<T> DefaultJson<T>(bool reflectionEnabled)
    {
        if (StepJsonContext.Default.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> builtIn)
        {
            return builtIn;
        }

        var name = typeof(T).Name;
        var pass = $"pass its JsonTypeInfo<{name}>: Generate(prompt, MyJsonContext.Default.{name}) with a JsonSerializerContext that lists [JsonSerializable(typeof({name}))], or NounJson.TypeInfo<{name}>() for a noun. Built in: {BuiltInTypes}.";
        if (!reflectionEnabled)
        {
            throw new NotSupportedException($"{name} has no built-in JSON form, and this app has reflection-based JSON turned off (trimmed or Native AOT, JsonSerializer.IsReflectionEnabledByDefault is false); {pass}");
        }

        try
        {
            // Reached only when the app allows reflection: AIJsonUtilities.DefaultOptions then resolves any type by
            // reflection, and resolves none beyond M.E.AI's own when the switch is off.
            return (JsonTypeInfo<T>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            throw new NotSupportedException($"{name} has no JSON form here ({e.Message}); {pass}", e);
        }
    }

    public static void RequireOptions(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 2 || options.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Decide needs at least two non-empty options; got [{string.Join(", ", options.Select(o => "\"" + o + "\""))}].", nameof(options));
        }
    }
}
