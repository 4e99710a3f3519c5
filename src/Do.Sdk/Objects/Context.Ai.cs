using System.Text.Json.Serialization.Metadata;
using Do.Execution;
using Do.Workers;

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
    public Task<bool> Is(PromptHandler prompt) => AiPrimitives.IsAsync(_activation, prompt.ToPrompt());

    /// <summary>Asks the model to choose one of <paramref name="options"/> and returns it (exactly as given).</summary>
    /// <exception cref="ArgumentException">Fewer than two options, or an empty one.</exception>
    /// <exception cref="FormatException">The model answered something that is not one of the options.</exception>
    public Task<string> Decide(PromptHandler prompt, IReadOnlyList<string> options) => AiPrimitives.DecideAsync(_activation, prompt.ToPrompt(), options);

    /// <summary>
    /// Asks the model for a <typeparamref name="T"/> through structured output (its JSON schema from
    /// <paramref name="json"/>, no reflection) and returns it: <c>await ctx.Generate($"A tagline for {name}", MyJson.Default.Tagline)</c>.
    /// </summary>
    /// <exception cref="FormatException">The answer is not a JSON <typeparamref name="T"/>.</exception>
    public Task<T> Generate<T>(PromptHandler prompt, JsonTypeInfo<T> json) => AiPrimitives.GenerateAsync(_activation, prompt.ToPrompt(), json);

    /// <summary>
    /// Like <see cref="Generate{T}(PromptHandler, JsonTypeInfo{T})"/> without metadata: <c>await ctx.Generate&lt;string[]&gt;($"…")</c>.
    /// The built-in types (string, bool, numbers, Guid, dates, string lists) work everywhere; any other type (a record)
    /// needs reflection-based JSON, which apps have unless trimmed or Native AOT; there, pass its JsonTypeInfo.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not built in and reflection-based JSON is off.</exception>
    public Task<T> Generate<T>(PromptHandler prompt) => Generate(prompt, AiPrimitives.DefaultJson<T>());
}
