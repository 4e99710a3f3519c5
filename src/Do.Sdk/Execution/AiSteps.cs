using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Do.Hosting;
using Microsoft.Extensions.AI;

namespace Do.Execution;

/// <summary>
/// The AI primitives as journaled steps: one model call per step, recorded with its prompt (template and values), the
/// model, the response and the token counts. A replay returns the recorded response without asking the model again.
/// </summary>
internal static class AiSteps
{
    public const string Kind = "ai";

    /// <summary>
    /// Asks the model (once per step) and returns its response text; <paramref name="system"/> and
    /// <paramref name="baseOptions"/> give it an agent's voice (instructions, model id…).
    /// </summary>
    public static async Task<string> AskAsync(ObjectActivation activation, string name, Prompt prompt, ChatResponseFormat? format, string? system = null, ChatOptions? baseOptions = null)
    {
        var client = activation.Host.Options.ChatClient
            ?? throw new InvalidOperationException($"{activation.Namespace} asked a model ({name}), but none is configured: set DoHostOptions.ChatClient to an IChatClient (OpenAI, Azure OpenAI, Ollama…), or register one in DI before AddDurableObjects.");
        var record = await DurableSteps.RunAsync(activation, name, Kind, async token =>
        {
            var options = baseOptions?.Clone() ?? (format is null ? null : new ChatOptions());
            if (format is not null)
            {
                options!.ResponseFormat = format;
            }

            List<ChatMessage> messages = system is { Length: > 0 } ? [new(ChatRole.System, system)] : [];
            messages.Add(new ChatMessage(ChatRole.User, prompt.ToMessage()));
            var response = await client.GetResponseAsync(messages, options, token).ConfigureAwait(false);
            return NounJson.WriteObject((prompt, response), static (w, s) =>
            {
                w.WriteString("template", s.prompt.Template);
                w.WriteStartArray("values");
                foreach (var value in s.prompt.Values)
                {
                    w.WriteStringValue(value);
                }

                w.WriteEndArray();
                w.WriteString("model", s.response.ModelId);
                w.WriteString("response", s.response.Text);
                WriteTokens(w, "inputTokens", s.response.Usage?.InputTokenCount);
                WriteTokens(w, "outputTokens", s.response.Usage?.OutputTokenCount);
            });
        }).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(record!);
        return doc.RootElement.GetProperty("response").GetString() ?? "";
    }

    public static ChatResponseFormat Schema(string name, string schemaJson)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        return ChatResponseFormat.ForJsonSchema(doc.RootElement.Clone(), name);
    }

    /// <summary>The JSON schema of <typeparamref name="T"/> from its (source-generated) metadata: no reflection.</summary>
    public static ChatResponseFormat SchemaOf<T>(JsonTypeInfo<T> json)
        => ChatResponseFormat.ForJsonSchema(AIJsonUtilities.CreateJsonSchema(typeof(T), serializerOptions: json.Options), typeof(T).Name);

    /// <summary>Reads <c>{"value": …}</c> from a structured answer, tolerating a bare value or a fenced block.</summary>
    public static JsonElement ValueOf(string response, string question)
    {
        var text = Unfence(response);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) ? value : root).Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException($"The model's answer to \"{question}\" is not the JSON asked for ({{\"value\": …}}): {Shorten(response)}", e);
        }
    }

    public static string Unfence(string response)
    {
        var text = response.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var start = text.IndexOf('\n', StringComparison.Ordinal);
            var end = text.LastIndexOf("```", StringComparison.Ordinal);
            if (start > 0 && end > start)
            {
                text = text[(start + 1)..end].Trim();
            }
        }

        return text;
    }

    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static void WriteTokens(Utf8JsonWriter w, string name, long? tokens)
    {
        if (tokens is long count)
        {
            w.WriteNumber(name, count);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
