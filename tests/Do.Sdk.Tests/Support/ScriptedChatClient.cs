using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Do.Tests.Support;

/// <summary>
/// A model for offline tests: plays back scripted responses (texts, tool calls) in order and records every request
/// it was sent (messages and options). No model runs here, so tests script one; product code never fakes an answer.
/// Put it behind the real Microsoft.Extensions.AI pipeline with <see cref="Pipeline"/>.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<ChatResponse> _script = new();

    /// <summary>What the client was sent, in order.</summary>
    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = new();

    /// <summary>The model id stamped on responses that do not set one.</summary>
    public string ModelId { get; init; } = "scripted-model";

    /// <summary>Queues a text answer, with token counts.</summary>
    public ScriptedChatClient Says(string text, long inputTokens = 10, long outputTokens = 5)
    {
        _script.Enqueue(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        });
        return this;
    }

    /// <summary>Queues a tool call (a function call content) the model asks for.</summary>
    public ScriptedChatClient Calls(string callId, string tool, IDictionary<string, object?>? arguments = null)
    {
        _script.Enqueue(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, arguments)])) { ModelId = ModelId });
        return this;
    }

    /// <summary>Queues a whole response.</summary>
    public ScriptedChatClient Responds(ChatResponse response)
    {
        _script.Enqueue(response);
        return this;
    }

    /// <summary>This client behind the real M.E.AI pipeline (ChatClientBuilder), as an application would wire a model.</summary>
    public IChatClient Pipeline() => new ChatClientBuilder(this).Build();

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(([.. messages], options));
        return _script.TryDequeue(out var response)
            ? Task.FromResult(response)
            : throw new InvalidOperationException($"The script has no answer left for request {Requests.Count}; script one more with Says/Calls.");
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
