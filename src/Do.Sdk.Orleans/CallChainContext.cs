using Do.Hosting;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// Carries the embedded runtime's call chain across silos. Each grain call that runs a turn adds one link
/// (<c>{callId} {ns}</c>) to a <see cref="RequestContext"/> entry, which Orleans copies onto every call made from that
/// turn. When a call comes back to an object whose grain still has that call open (A → B → A), it joins the turn that
/// is waiting for it instead of queueing behind it, exactly as on the embedded host.
/// </summary>
internal static class CallChainContext
{
    /// <summary>The request-context key; its value is newline-separated links.</summary>
    public const string Key = "do.chain";

    /// <summary>
    /// Makes work the embedded runtime detaches from its turn (<c>AsSend()</c>, <c>ctx.Send</c>, a resumed action) leave
    /// this chain behind too: it flows with the request context into that work, and a call carrying it could join a turn
    /// that is not waiting for it.
    /// </summary>
    public static void Install() => CallChain.ClearCarriers ??= static () => RequestContext.Remove(Key);

    /// <summary>The links of the incoming call, newest last.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>True when <paramref name="chain"/> has a link to <paramref name="ns"/> whose call id <paramref name="isOpen"/> says is still running.</summary>
    public static bool Reenters(string? chain, string ns, Func<string, bool> isOpen)
    {
        if (string.IsNullOrEmpty(chain))
        {
            return false;
        }

        foreach (var link in chain.Split('\n'))
        {
            var space = link.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && link.AsSpan(space + 1).SequenceEqual(ns) && isOpen(link[..space]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds this call's link for the rest of the calling flow (and the calls it makes).</summary>
    public static void Push(string? chain, string callId, string ns)
        => RequestContext.Set(Key, string.IsNullOrEmpty(chain) ? $"{callId} {ns}" : $"{chain}\n{callId} {ns}");
}
