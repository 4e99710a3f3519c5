using System.Globalization;
using System.Text;
using Do.Hosting;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// Carries the embedded runtime's call chain across silos. A call an object's turn makes through a grain
/// (<see cref="OrleansObjectTransport"/>) carries, in a <see cref="RequestContext"/> entry, the links it arrived with
/// plus one link (<c>{turn id} {ns}</c>) per turn the calling flow is inside; Orleans copies the entry onto every call
/// made from there. A call that arrives at an object whose turn it names, while that turn still holds the object
/// (A → B → A, or a handler of a group commit calling back), joins that turn instead of queueing behind it, exactly as
/// on the embedded host.
/// </summary>
internal static class CallChainContext
{
    /// <summary>The request-context key; its value is newline-separated links.</summary>
    public const string Key = "do.chain";

    /// <summary>
    /// Makes work the embedded runtime detaches from its turn (<c>AsSend()</c>, <c>ctx.Send</c>, a resumed action) leave
    /// the links behind too: they flow with the request context into that work, which runs in turns of its own.
    /// </summary>
    public static void Install() => CallChain.ClearCarriers ??= static () => RequestContext.Remove(Key);

    /// <summary>The links of the incoming call, oldest first.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>Sets the links for a grain call about to be made from the current flow: those it arrived with, and the turns it is inside.</summary>
    public static void SetForOutgoingCall()
    {
        var incoming = Current;
        var current = CallChain.Current;
        StringBuilder? links = null;
        for (var node = current; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node.Activation.TurnHolder, node))
            {
                links ??= new StringBuilder(incoming);
                if (links.Length > 0)
                {
                    links.Append('\n');
                }

                links.Append(CultureInfo.InvariantCulture, $"{node.Id} {node.Activation.Namespace.Value}");
            }
        }

        var chain = links?.ToString() ?? incoming;
        if (chain is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, chain);
        }
    }

    /// <summary>True when <paramref name="chain"/> has a link to the turn <paramref name="turn"/> of <paramref name="ns"/>.</summary>
    public static bool Names(string? chain, string ns, long turn)
    {
        if (string.IsNullOrEmpty(chain))
        {
            return false;
        }

        foreach (var link in chain.Split('\n'))
        {
            var space = link.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0
                && link.AsSpan(space + 1).SequenceEqual(ns)
                && long.TryParse(link.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && id == turn)
            {
                return true;
            }
        }

        return false;
    }
}
