namespace Do.Storage;

/// <summary>
/// Links to other objects (the <c>objects</c> table): an object has at most one <c>parent</c> and one <c>root</c>,
/// and any number of <c>child</c> links and other roles.
/// </summary>
internal sealed class ObjectStore
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
                _db.Command("DELETE FROM objects WHERE role = $role").Bind("$role", role).ExecuteNonQuery();
            }

            _db.Command("INSERT INTO objects (ns, class, role, created_at) VALUES ($ns, $class, $role, $now) ON CONFLICT (role, ns) DO UPDATE SET class = excluded.class")
                .Bind("$ns", ns.Value).Bind("$class", objectClass).Bind("$role", role).Bind("$now", _db.NowMilliseconds())
                .ExecuteNonQuery();
            return Links(role).First(l => l.Namespace == ns.Value);
        });
    }

    /// <summary>Removes a link; returns false when there was none.</summary>
    public bool Unlink(ObjectNamespace ns, string role)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return _db.InTransaction(() => _db.Command("DELETE FROM objects WHERE ns = $ns AND role = $role").Bind("$ns", ns.Value).Bind("$role", role).ExecuteNonQuery() > 0);
    }

    /// <summary>This object's parent, or null for a top-level object.</summary>
    public ObjectLink? Parent() => Links(ParentRole) is [var parent, ..] ? parent : null;

    /// <summary>The top of this object's hierarchy, or null when this object is the top.</summary>
    public ObjectLink? Root() => Links(RootRole) is [var root, ..] ? root : null;

    /// <summary>This object's children, in the order they were linked.</summary>
    public IReadOnlyList<ObjectLink> Children() => Links(ChildRole);

    /// <summary>All links with <paramref name="role"/>.</summary>
    public IReadOnlyList<ObjectLink> Links(string role)
    {
        var result = new List<ObjectLink>();
        using var reader = _db.Command(Select + " WHERE role = $role ORDER BY id").Bind("$role", role).ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ObjectLink(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return result;
    }
}
