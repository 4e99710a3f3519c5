using System.Globalization;

namespace Do.AspNetCore.Dashboard;

/// <summary>Where one mapped dashboard lives and how it is configured; builds its addresses.</summary>
internal sealed class DashboardSite(string prefix, DoDashboardOptions options)
{
    public string Prefix { get; } = prefix.TrimEnd('/');

    public DoDashboardOptions Options { get; } = options;

    public string Home => Prefix + "/";

    public string Asset(string name) => Prefix + "/assets/" + name;

    /// <summary>An object's page; <paramref name="tab"/> is a path under it (things, actions, …) or empty for its overview.</summary>
    public string Object(string ns, string tab = "")
        => Prefix + "/o/" + Uri.EscapeDataString(ns) + (tab.Length == 0 ? "" : "/" + tab);

    public string Thing(string ns, string noun, string id)
        => Object(ns, "things/" + Uri.EscapeDataString(noun) + "/" + Uri.EscapeDataString(id));

    public string Replay(string ns, long id) => Object(ns, "dead-letters/" + id.ToString(CultureInfo.InvariantCulture) + "/replay");

    /// <summary>Where the form that approves (or rejects) request <paramref name="id"/> of a Human posts.</summary>
    public string Decide(string ns, long id, bool approve)
        => Object(ns, "approvals/" + id.ToString(CultureInfo.InvariantCulture) + (approve ? "/approve" : "/reject"));

    public string Live(string ns, long after) => Object(ns, "live") + "?after=" + after.ToString(CultureInfo.InvariantCulture);
}
