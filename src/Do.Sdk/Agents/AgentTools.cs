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
