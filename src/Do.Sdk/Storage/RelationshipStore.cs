using Dapper;

namespace Do.Storage;

/// <summary>Graph edges between things. Adding an edge that exists returns the existing one.</summary>
public sealed class RelationshipStore
{
    private const string Select = "SELECT id, type, from_id, to_id, data, created_at FROM relationships";
    private readonly ObjectDatabase _db;

    internal RelationshipStore(ObjectDatabase db) => _db = db;

    /// <summary>Adds the edge <paramref name="from"/> -<paramref name="type"/>-> <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException">An end or the type is empty, or the data is not JSON.</exception>
    public Relationship Link(string from, string type, string to, string? data = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (data is not null)
        {
            ThingStore.ValidateJson(data, nameof(data));
        }

        return _db.InTransaction(() =>
        {
            _db.Connection.Execute(
                "INSERT INTO relationships (type, from_id, to_id, data, created_at) VALUES (@type, @from, @to, @data, @now) ON CONFLICT (from_id, type, to_id) DO NOTHING",
                new { type, from, to, data, now = _db.NowMilliseconds() });
            return Find(from, type, to)!;
        });
    }

    /// <summary>Removes an edge; returns false when it did not exist.</summary>
    public bool Unlink(string from, string type, string to)
        => _db.InTransaction(() => _db.Connection.Execute("DELETE FROM relationships WHERE from_id = @from AND type = @type AND to_id = @to", new { from, type, to }) > 0);

    /// <summary>Edges leaving <paramref name="from"/>, optionally of one type.</summary>
    public IReadOnlyList<Relationship> From(string from, string? type = null)
        => Query(Select + " WHERE from_id = @from AND (@type IS NULL OR type = @type) ORDER BY id", new { from, type });

    /// <summary>Edges arriving at <paramref name="to"/>, optionally of one type.</summary>
    public IReadOnlyList<Relationship> To(string to, string? type = null)
        => Query(Select + " WHERE to_id = @to AND (@type IS NULL OR type = @type) ORDER BY id", new { to, type });

    private Relationship? Find(string from, string type, string to)
        => Query(Select + " WHERE from_id = @from AND type = @type AND to_id = @to", new { from, type, to }).FirstOrDefault();

    private List<Relationship> Query(string sql, object args)
        => _db.Connection.Query<Row>(sql, args)
            .Select(r => new Relationship(r.id, r.type, r.from_id, r.to_id, r.data, DateTimeOffset.FromUnixTimeMilliseconds(r.created_at)))
            .ToList();

#pragma warning disable IDE1006 // Dapper maps columns by name.
    internal sealed class Row
    {
        public long id { get; set; }
        public string type { get; set; } = "";
        public string from_id { get; set; } = "";
        public string to_id { get; set; } = "";
        public string? data { get; set; }
        public long created_at { get; set; }
    }
#pragma warning restore IDE1006
}
