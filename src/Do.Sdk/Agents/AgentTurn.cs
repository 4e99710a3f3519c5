using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Do.Agents;

/// <summary>
/// One model turn as journaled: the text it wrote, the tool calls it asked for and the tokens it used. The journal keeps
/// this instead of the provider's raw response so a replay rebuilds the same conversation on any chat client.
/// </summary>
internal sealed record AgentTurn(string? Text, IReadOnlyList<AgentToolCall> Calls, long InputTokens, long OutputTokens)
{
    public static AgentTurn From(ChatResponse response)
    {
        var calls = new List<AgentToolCall>();
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    calls.Add(new AgentToolCall(call.CallId, call.Name, ToolArguments.ToJson(call.Arguments ?? new Dictionary<string, object?>())));
                }
            }
        }

        var text = response.Text;
        return new AgentTurn(
            string.IsNullOrEmpty(text) ? null : text,
            calls,
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0);
    }

    /// <summary>The assistant message this turn adds to the conversation.</summary>
    public ChatMessage ToMessage()
    {
        var contents = new List<AIContent>();
        if (Text is not null)
        {
            contents.Add(new TextContent(Text));
        }

        foreach (var call in Calls)
        {
            contents.Add(new FunctionCallContent(call.Id, call.Name, call.Arguments()));
        }

        return new ChatMessage(ChatRole.Assistant, contents);
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("text", Text);
            writer.WriteNumber("inputTokens", InputTokens);
            writer.WriteNumber("outputTokens", OutputTokens);
            writer.WriteStartArray("calls");
            foreach (var call in Calls)
            {
                writer.WriteStartObject();
                writer.WriteString("id", call.Id);
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("arguments");
                writer.WriteRawValue(call.ArgumentsJson);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static AgentTurn Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var calls = new List<AgentToolCall>();
        foreach (var call in root.GetProperty("calls").EnumerateArray())
        {
            calls.Add(new AgentToolCall(call.GetProperty("id").GetString()!, call.GetProperty("name").GetString()!, call.GetProperty("arguments").GetRawText()));
        }

        return new AgentTurn(root.GetProperty("text").GetString(), calls, root.GetProperty("inputTokens").GetInt64(), root.GetProperty("outputTokens").GetInt64());
    }
}
