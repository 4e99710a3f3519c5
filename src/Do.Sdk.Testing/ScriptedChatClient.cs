using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Do.Testing;

/// <summary>
/// An <see cref="IChatClient"/> that plays back a script — tool calls and texts, one turn per request — and records
/// every request it was sent. Tests and offline samples use it where no model is available; it never makes an answer
/// up: a request past the end of the script fails and says what was asked.
/// </summary>
/// <example>
/// <code>
/// var model = new ScriptedChatClient()
///     .CallTool("Ticket_Escalate", """{"id":"t-1","to":"Urgent"}""")
///     .Reply("Escalated t-1.");
/// </code>
/// </example>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Lock _lock = new();
    private readonly List<Func<ChatResponse>> _turns = [];
    private readonly List<ScriptedRequest> _requests = [];
    private int _next;
    private int _callIds;

    /// <summary>The requests received so far, oldest first.</summary>
    public IReadOnlyList<ScriptedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many scripted turns have not been played yet.</summary>
    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                return _turns.Count - _next;
            }
        }
    }

    /// <summary>Adds a turn that asks for one tool call, with its arguments as a JSON object.</summary>
    /// <exception cref="ArgumentException">The arguments are not a JSON object.</exception>
    public ScriptedChatClient CallTool(string name, string argumentsJson, long inputTokens = 0, long outputTokens = 0)
        => CallTools([(name, argumentsJson)], inputTokens, outputTokens);

    /// <summary>Adds a turn that asks for several tool calls at once (parallel tool calls), each with JSON arguments.</summary>
    /// <exception cref="ArgumentException">An argument text is not a JSON object.</exception>
    public ScriptedChatClient CallTools(IReadOnlyList<(string Name, string ArgumentsJson)> calls, long inputTokens = 0, long outputTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var parsed = new List<(string Name, Dictionary<string, object?> Arguments)>();
        foreach (var (name, json) in calls)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            parsed.Add((name, ParseArguments(json)));
        }

        lock (_lock)
        {
            var turn = ++_callIds;
            _turns.Add(() =>
            {
                var contents = new List<AIContent>();
                for (int i = 0; i < parsed.Count; i++)
                {
                    contents.Add(new FunctionCallContent($"call-{turn}-{i + 1}", parsed[i].Name, new Dictionary<string, object?>(parsed[i].Arguments)));
                }

                return Response(new ChatMessage(ChatRole.Assistant, contents), inputTokens, outputTokens, ChatFinishReason.ToolCalls);
            });
        }

        return this;
    }

    /// <summary>Adds a turn that answers with <paramref name="text"/> and no tool call.</summary>
    public ScriptedChatClient Reply(string text, long inputTokens = 0, long outputTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            _turns.Add(() => Response(new ChatMessage(ChatRole.Assistant, text), inputTokens, outputTokens, ChatFinishReason.Stop));
        }

        return this;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The script has no turn left for this request.</exception>
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = messages.Select(m => m.Clone()).ToList();
        lock (_lock)
        {
            _requests.Add(new ScriptedRequest(copy, options?.Clone()));
            if (_next >= _turns.Count)
            {
                var last = copy.Count == 0 ? "no messages" : $"{copy.Count} messages, the last from {copy[^1].Role}: \"{copy[^1].Text}\"";
                throw new InvalidOperationException($"The script has {_turns.Count} turns and all were played; request {_requests.Count} ({last}) has no answer. Add a turn with CallTool or Reply.");
            }

            return Task.FromResult(_turns[_next++]());
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static ChatResponse Response(ChatMessage message, long inputTokens, long outputTokens, ChatFinishReason reason)
        => new(message)
        {
            FinishReason = reason,
            ModelId = "scripted",
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        };

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"Tool arguments {json} are not a JSON object; expected e.g. {{\"id\":\"t-1\"}}.", nameof(json));
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }

            return arguments;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Tool arguments {json} are not valid JSON ({e.Message}); expected a JSON object such as {{\"id\":\"t-1\"}}.", nameof(json), e);
        }
    }
}
