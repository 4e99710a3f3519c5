using Dapper;

namespace Do.Storage;

/// <summary>
/// Links to other objects (the <c>objects</c> table): an object has at most one <c>parent</c> and one <c>root</c>,
/// and any number of <c>child</c> links and other roles.
/// </summary>
public sealed class ObjectStore
{
    /// <summary>The role of this object's parent.</summary>
    public const string ParentRole = "parent";

    /// <summary>The role of each child object.</summary>
    public const string ChildRole = "child";

    /// <summary>The role of the top of this object's hierarchy.</summary>
    public const string RootRole = "root";

    private const string Select = "SELECT ns, class, role, created_at FROM objects";
    private readonly ObjectDatabase _db;

    internal ObjectStore(ObjectDatabase db) => _db = db;

    /// <summary>Records a link; for single-valued roles (<c>parent</c>, <c>root</c>) it replaces the previous one.</summary>
    public ObjectLink Link(ObjectNamespace ns, string objectClass, string role)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectClass);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return _db.InTransaction(() =>
        {
            if (role is ParentRole or RootRole)
            {
                _db.Connection.Execute("DELETE FROM objects WHERE role = @role", new { role });
            }

            _db.Connection.Execute(
                "INSERT INTO objects (ns, class, role, created_at) VALUES (@ns, @objectClass, @role, @now) ON CONFLICT (role, ns) DO UPDATE SET class = excluded.class",
                new { ns = ns.Value, objectClass, role, now = _db.NowMilliseconds() });
            return Links(role).First(l => l.Namespace == ns.Value);
        });
    }

    /// <summary>Removes a link; returns false when there was none.</summary>
    public bool Unlink(ObjectNamespace ns, string role)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return _db.InTransaction(() => _db.Connection.Execute("DELETE FROM objects WHERE ns = @ns AND role = @role", new { ns = ns.Value, role }) > 0);
    }

    /// <summary>This object's parent, or null for a top-level object.</summary>
    public ObjectLink? Parent() => Links(ParentRole) is [var parent, ..] ? parent : null;

    /// <summary>The top of this object's hierarchy, or null when this object is the top.</summary>
    public ObjectLink? Root() => Links(RootRole) is [var root, ..] ? root : null;

    /// <summary>This object's children, in the order they were linked.</summary>
    public IReadOnlyList<ObjectLink> Children() => Links(ChildRole);

    /// <summary>All links with <paramref name="role"/>.</summary>
    public IReadOnlyList<ObjectLink> Links(string role)
        => _db.Connection.Query<Row>(Select + " WHERE role = @role ORDER BY id", new { role })
            .Select(r => new ObjectLink(r.ns, r.@class, r.role, DateTimeOffset.FromUnixTimeMilliseconds(r.created_at)))
            .ToList();

#pragma warning disable IDE1006 // Dapper maps columns by name.
    internal sealed class Row
    {
        public string ns { get; set; } = "";
        public string @class { get; set; } = "";
        public string role { get; set; } = "";
        public long created_at { get; set; }
    }
#pragma warning restore IDE1006
}
