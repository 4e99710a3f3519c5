using Do.Transport;
using Microsoft.Extensions.AI;

namespace Do;

/// <summary>
/// The tools an <see cref="Agent"/> offers its model, declared in <c>Configure</c> with <c>ctx.Tools.Add&lt;TNoun&gt;()</c>.
/// Each noun gives <c>{Noun}_{Verb}</c> per verb, plus <c>{Noun}_Get</c> and <c>{Noun}_List</c>, with the argument
/// schemas the generator emitted.
/// </summary>
public sealed class AgentTools
{
    private readonly IObjectTransport _transport;
    private readonly List<NounTool> _tools = [];

    internal AgentTools(IObjectTransport transport) => _transport = transport;

    /// <summary>
    /// Who approves calls of <c>[Verb(RequiresApproval = true)]</c> verbs, or null when no approver was set (then such
    /// calls are refused to the model and never run).
    /// </summary>
    internal ToolApprover? Approver { get; private set; }

    /// <summary>The tools, in the order they were added.</summary>
    public IReadOnlyList<NounTool> All => _tools;

    /// <summary>
    /// Offers <typeparamref name="TNoun"/>'s verbs, a read and a list as tools. The things are those of
    /// <paramref name="ns"/>, or of the agent's own object when it is null. Calls record the agent (<c>agent:{ns}</c>) as
    /// their actor.
    /// </summary>
    /// <returns>This, to chain <c>Add</c> calls.</returns>
    /// <exception cref="InvalidNamespaceException"><paramref name="ns"/> is not a valid namespace URL.</exception>
    /// <exception cref="ArgumentException">A tool with the same name was already added (the same noun twice, or two nouns of one name).</exception>
    public AgentTools Add<TNoun>(string? ns = null)
        where TNoun : class, INoun<TNoun>
    {
        var noun = TNoun.Noun;
        var target = ns is null ? _transport : _transport.For(ObjectNamespace.Parse(ns));
        target = target.WithActor("agent:" + _transport.Namespace.Value);
        var added = new List<NounTool>(noun.Verbs.Count + 2);
        foreach (var verb in noun.Verbs)
        {
            added.Add(new NounTool(noun, NounToolKind.Verb, verb, target));
        }

        added.Add(new NounTool(noun, NounToolKind.Get, null, target));
        added.Add(new NounTool(noun, NounToolKind.List, null, target));
        foreach (var tool in added)
        {
            if (Find(tool.Name) is not null)
            {
                throw new ArgumentException($"The tool \"{tool.Name}\" is already offered by this agent; add each noun once (tool names are {{Noun}}_{{Verb}}).", nameof(TNoun));
            }
        }

        _tools.AddRange(added);
        return this;
    }

    /// <summary>
    /// Makes the human <paramref name="ns"/> (class <typeparamref name="THuman"/>) approve every call of a verb declared
    /// <c>[Verb(RequiresApproval = true)]</c> before it runs. The run asks with
    /// <c>ctx.Human&lt;THuman&gt;(ns).Approve(…)</c> and waits durably: the agent's turn is released and the wait survives
    /// restarts. Approved, the verb runs; rejected, the model reads that the human refused (with the comment) and the verb
    /// never runs. Without an approver such calls are refused the same way, without asking anyone.
    /// </summary>
    /// <param name="ns">The approving human's namespace.</param>
    /// <param name="timeout">How long the human has before <paramref name="escalateTo"/> applies; null never expires.</param>
    /// <param name="escalateTo">What happens to an unanswered request (next human, or a default decision).</param>
    /// <returns>This, to chain calls.</returns>
    /// <exception cref="InvalidNamespaceException"><paramref name="ns"/> is not a valid namespace URL.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">An approver was already set: an agent has one.</exception>
    public AgentTools RequireApprovalFrom<THuman>(string ns, TimeSpan? timeout = null, EscalationPolicy? escalateTo = null)
        where THuman : Human, new()
    {
        var human = ObjectNamespace.Parse(ns).Value;
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, $"An approval timeout of {t} is not positive; pass e.g. TimeSpan.FromHours(4), or null for no expiry.");
        }

        if (Approver is { } existing)
        {
            throw new InvalidOperationException($"This agent already asks {existing.Ns} to approve; call RequireApprovalFrom once (use escalateTo for more humans), not again for {human}.");
        }

        var wait = timeout ?? Timeout.InfiniteTimeSpan;
        Approver = new ToolApprover(human, (ctx, text) => ctx.Human<THuman>(human).Approve(text, wait, escalateTo));
        return this;
    }

    /// <summary>The tool named <paramref name="name"/>, or null.</summary>
    public NounTool? Find(string name)
    {
        foreach (var tool in _tools)
        {
            if (string.Equals(tool.Name, name, StringComparison.Ordinal))
            {
                return tool;
            }
        }

        return null;
    }

    /// <summary>The tools as <see cref="ChatOptions.Tools"/> takes them.</summary>
    internal IList<AITool> AsChatTools() => [.. _tools];
}
