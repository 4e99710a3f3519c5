using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>Graph edges between things. Adding an edge that exists returns the existing one.</summary>
internal sealed class RelationshipStore
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
            _db.Command("INSERT INTO relationships (type, from_id, to_id, data, created_at) VALUES ($type, $from, $to, $data, $now) ON CONFLICT (from_id, type, to_id) DO NOTHING")
                .Bind("$type", type).Bind("$from", from).Bind("$to", to).Bind("$data", data).Bind("$now", _db.NowMilliseconds())
                .ExecuteNonQuery();
            return Find(from, type, to)!;
        });
    }

    /// <summary>Removes an edge; returns false when it did not exist.</summary>
    public bool Unlink(string from, string type, string to)
        => _db.InTransaction(() => _db.Command("DELETE FROM relationships WHERE from_id = $from AND type = $type AND to_id = $to")
            .Bind("$from", from).Bind("$type", type).Bind("$to", to).ExecuteNonQuery() > 0);

    /// <summary>Edges leaving <paramref name="from"/>, optionally of one type.</summary>
    public IReadOnlyList<Relationship> From(string from, string? type = null)
        => Read(_db.Command(Select + " WHERE from_id = $from AND ($type IS NULL OR type = $type) ORDER BY id").Bind("$from", from).Bind("$type", type));

    /// <summary>Edges arriving at <paramref name="to"/>, optionally of one type.</summary>
    public IReadOnlyList<Relationship> To(string to, string? type = null)
        => Read(_db.Command(Select + " WHERE to_id = $to AND ($type IS NULL OR type = $type) ORDER BY id").Bind("$to", to).Bind("$type", type));

    private Relationship? Find(string from, string type, string to)
        => Read(_db.Command(Select + " WHERE from_id = $from AND type = $type AND to_id = $to").Bind("$from", from).Bind("$type", type).Bind("$to", to)) is [var edge, ..] ? edge : null;

    private static List<Relationship> Read(SqliteCommand command)
    {
        var result = new List<Relationship>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new Relationship(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return result;
    }
}
