using Microsoft.Extensions.AI;

namespace Do.Testing;

/// <summary>One request a <see cref="ScriptedChatClient"/> was sent: the conversation and the options, as copies.</summary>
/// <param name="Messages">The messages, in order, as they were at the time of the request.</param>
/// <param name="Options">The options (tools, model id, …), or null.</param>
public sealed record ScriptedRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>The names of the tools offered with the request, in order.</summary>
    public IReadOnlyList<string> ToolNames => Options?.Tools?.Select(t => t.Name).ToList() ?? [];
}
