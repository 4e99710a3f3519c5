using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace Do.Infrastructure;

/// <summary>
/// Everything the runtime knows about a noun: names, type URL, stored properties, verbs and the SQL that gives it a
/// typed view and indexes inside each object's database. Emitted by the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NounInfo
{
    /// <summary>Creates noun metadata.</summary>
    /// <param name="name">The noun name, e.g. <c>Startup</c>.</param>
    /// <param name="plural">The plural, e.g. <c>Startups</c>.</param>
    /// <param name="typeUrl">An explicit type URL, or null for <c>{ns}/{name}</c>.</param>
    /// <param name="properties">The stored properties.</param>
    /// <param name="verbs">The declared verbs.</param>
    /// <param name="schemaSql">
    /// DDL statements (view and indexes) run once per database, re-run when they change. <c>$noun</c> in them stands for
    /// the noun's integer key in that database (<c>WHERE t.noun = $noun</c>), written in as a literal before they run.
    /// </param>
    public NounInfo(string name, string plural, string? typeUrl, IReadOnlyList<NounProperty> properties, IReadOnlyList<VerbInfo> verbs, IReadOnlyList<string> schemaSql)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(plural);
        Name = name;
        Plural = plural;
        TypeUrl = typeUrl;
        Properties = properties ?? [];
        Verbs = verbs ?? [];
        SchemaSql = schemaSql ?? [];
        SchemaHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n;\n", SchemaSql))))[..16];
    }

    /// <summary>The noun name.</summary>
    public string Name { get; }

    /// <summary>The plural used for collections.</summary>
    public string Plural { get; }

    /// <summary>An explicit type URL, or null for <c>{ns}/{Name}</c>.</summary>
    public string? TypeUrl { get; }

    /// <summary>The stored properties.</summary>
    public IReadOnlyList<NounProperty> Properties { get; }

    /// <summary>The declared verbs.</summary>
    public IReadOnlyList<VerbInfo> Verbs { get; }

    /// <summary>The DDL that creates the noun's view and indexes, with <c>$noun</c> standing for the noun's key in each database.</summary>
    public IReadOnlyList<string> SchemaSql { get; }

    /// <summary>
    /// JSON names of the <see cref="SearchableAttribute"/> string properties, indexed for full-text and vector search.
    /// Empty when the noun is not searchable.
    /// </summary>
    public IReadOnlyList<string> SearchableProperties { get; init; } = [];

    /// <summary>A short hash of <see cref="SchemaSql"/>; a changed hash re-runs the DDL.</summary>
    public string SchemaHash { get; }

    /// <summary>The type URL of this noun inside <paramref name="ns"/>.</summary>
    public string ResolveTypeUrl(ObjectNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return TypeUrl ?? ns.Value + "/" + Name;
    }

    /// <summary>The verb named <paramref name="name"/>, or null.</summary>
    public VerbInfo? FindVerb(string name)
    {
        foreach (var verb in Verbs)
        {
            if (string.Equals(verb.Name, name, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        return null;
    }
}
