using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Do.Storage;
using Do.Transport;

namespace Do.Relationships;

/// <summary>
/// Relationships kept in the version log as things of the system noun <see cref="Noun"/>, so time travel, branches,
/// three-way merge, fork and compaction apply to edges exactly as to other things. Each edge is one record in the
/// source's object (outgoing) and one in the target's (incoming); a record's id is a hash prefix of its near end, the
/// type and its far end, so "edges of this thing" is a range read of the things index.
/// </summary>
internal sealed class EdgeStore(ObjectDatabase db)
{
    /// <summary>The system noun of edge records. Not a C# identifier a noun could have.</summary>
    public const string Noun = "_edge";

    /// <summary>Writes the edge's records on <paramref name="sides"/>; true when something changed (a new edge, or new data).</summary>
    public bool Relate(RelationEdge edge, RelationSides sides)
        => db.InTransaction(() =>
        {
            var nounId = db.NounId(Noun, "_edges");
            var json = Serialize(edge);
            var changed = false;
            foreach (var id in RecordIds(edge, sides))
            {
                var head = db.Things.Head(nounId, Noun, id, db.Branches.RequireWritable());
                if (head is { Deleted: false } && string.Equals(head.Data, json, StringComparison.Ordinal))
                {
                    continue;
                }

                db.Things.Append(nounId, Noun, id, json, head, "relate", "related", new WriteOptions { Verb = "relate", Event = "related", Input = json }, json);
                changed = true;
            }

            return changed;
        });

    /// <summary>Tombstones the edge's records on <paramref name="sides"/>; true when the edge existed.</summary>
    public bool Unrelate(RelationEdge edge, RelationSides sides)
        => db.InTransaction(() =>
        {
            var nounId = db.NounId(Noun, "_edges");
            var changed = false;
            foreach (var id in RecordIds(edge, sides))
            {
                var head = db.Things.Head(nounId, Noun, id, db.Branches.RequireWritable());
                if (head is { Deleted: false })
                {
                    db.Things.Append(nounId, Noun, id, null, head, "unrelate", "unrelated", new WriteOptions { Verb = "unrelate", Event = "unrelated" }, head.Data);
                    changed = true;
                }
            }

            return changed;
        });

    /// <summary>
    /// The live edges of thing <paramref name="thing"/> (<paramref name="noun"/>) in <paramref name="direction"/>, oldest
    /// first, as <paramref name="branch"/> saw them at version <paramref name="cap"/> (null: its head).
    /// </summary>
    public List<RelationEdge> Query(string noun, string thing, string? type, RelationDirection direction, long branch, long? cap)
    {
        var result = new List<RelationEdge>();
        if (db.FindNounId(Noun) is not long nounId)
        {
            return result;
        }

        var prefix = (direction == RelationDirection.Outgoing ? "o" : "i") + Hash(noun, Store(thing), 16) + (type is null ? "" : Hash(type, null, 8));
        var scope = db.Branches.Scope(branch, "", cap);
        var command = db.Command($"""
            WITH RECURSIVE {ThingStore.HeadsOf(scope, "p.noun = $noun AND p.id >= $lo AND p.id < $hi")}
            SELECT t.data FROM heads AS h CROSS JOIN things AS t ON t.version = h.version
            WHERE t.deleted = 0
            ORDER BY t.version
            """);
        command.Bind("$noun", nounId).Bind("$lo", prefix).Bind("$hi", prefix + "~");
        scope.Bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Deserialize(reader.GetString(0)));
        }

        return result;
    }

    private IEnumerable<string> RecordIds(RelationEdge edge, RelationSides sides)
    {
        var from = Hash(edge.FromNoun, Store(edge.From), 16);
        var to = Hash(edge.ToNoun, Store(edge.To), 16);
        var type = Hash(edge.Type, null, 8);
        if ((sides & RelationSides.Outgoing) != 0)
        {
            yield return "o" + from + type + to;
        }

        if ((sides & RelationSides.Incoming) != 0)
        {
            yield return "i" + to + type + from;
        }
    }

    // An end in this object is kept as its local id, so a fork (a new namespace) carries its edges along.
    private string Store(string url)
    {
        var ns = db.Namespace.Value;
        return url.Length > ns.Length + 1 && url.StartsWith(ns, StringComparison.Ordinal) && url[ns.Length] == '/' && url.IndexOf('/', ns.Length + 1) < 0
            ? url[(ns.Length + 1)..]
            : url;
    }

    private string Expand(string stored) => stored.Contains("://", StringComparison.Ordinal) ? stored : db.Namespace.Value + "/" + stored;

    private static string Hash(string a, string? b, int chars)
    {
        var bytes = Encoding.UTF8.GetBytes(b is null ? a : a + "\n" + b);
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..chars];
    }

    private string Serialize(RelationEdge edge)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("from", Store(edge.From));
            writer.WriteString("fromNoun", edge.FromNoun);
            writer.WriteString("type", edge.Type);
            writer.WriteString("to", Store(edge.To));
            writer.WriteString("toNoun", edge.ToNoun);
            if (edge.Data is not null)
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(edge.Data);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private RelationEdge Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new RelationEdge(
            root.GetProperty("fromNoun").GetString()!,
            Expand(root.GetProperty("from").GetString()!),
            root.GetProperty("type").GetString()!,
            root.GetProperty("toNoun").GetString()!,
            Expand(root.GetProperty("to").GetString()!),
            root.TryGetProperty("data", out var data) ? data.GetRawText() : null);
    }
}
