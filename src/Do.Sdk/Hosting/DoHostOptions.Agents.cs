using Microsoft.Extensions.AI;

namespace Do;

public sealed partial class DoHostOptions
{
    /// <summary>
    /// The model agents talk to (<see cref="Agent"/> runs, <c>Ai</c>/<c>Is</c>/<c>Decide</c>/<c>Generate</c>): any
    /// <see cref="IChatClient"/> — OpenAI-compatible, Azure OpenAI, Anthropic, Ollama. <c>AddDurableObjects</c> takes
    /// the <see cref="IChatClient"/> registered in DI when this is not set. Null: agents fail with a message saying so.
    /// </summary>
    public IChatClient? ChatClient { get; set; }
}
