using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>Nouns interned to integer keys with their generated schema, and object-level verb records.</summary>
internal sealed partial class ObjectDatabase
{
    /// <summary>The integer key of a noun, interning it on first use.</summary>
    internal long NounId(string noun, string? plural = null, string? typeUrl = null)
    {
        if (FindNounId(noun) is long found)
        {
            return found;
        }

        var id = InTransaction(() =>
        {
            var insert = Command("INSERT INTO nouns (name, plural, type) VALUES ($name, $plural, $type) RETURNING id");
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$name", noun);
            insert.Parameters.AddWithValue("$plural", plural ?? noun + "s");
            insert.Parameters.AddWithValue("$type", typeUrl ?? Namespace.Value + "/" + noun);
            return (long)insert.ExecuteScalar()!;
        });
        _nounIds[noun] = id;
        return id;
    }

    /// <summary>In <see cref="_nounIds"/>: a noun this file does not have yet (no key is 0: SQLite's row ids start at 1).</summary>
    private const long AbsentNoun = 0;

    /// <summary>An absent noun is remembered only while the cache holds fewer names than this, so that reads of made-up names cannot grow it without end.</summary>
    private const int AbsentNounsRemembered = 256;

    /// <summary>
    /// The integer key of a noun, or null when no write has interned it yet. Never writes, so reads stay reads. Both
    /// answers are cached (until a rollback clears the cache), so the query runs once per noun and activation, also for a
    /// noun that is read before anything of it is written.
    /// </summary>
    internal long? FindNounId(string noun)
    {
        if (_nounIds.TryGetValue(noun, out var id))
        {
            return id == AbsentNoun ? null : id;
        }

        NounNames.Validate(noun);
        using var select = Once("SELECT id FROM nouns WHERE name = $name");
        if (select.Bind("$name", noun).ExecuteScalar() is long found)
        {
            _nounIds[noun] = found;
            return found;
        }

        if (_nounIds.Count < AbsentNounsRemembered)
        {
            _nounIds[noun] = AbsentNoun; // NounId, the only writer of the nouns table, replaces it with the new key
        }

        return null;
    }

    /// <summary>The name of an interned noun key.</summary>
    internal string NounName(long id)
    {
        foreach (var (name, key) in _nounIds)
        {
            if (key == id && key != AbsentNoun)
            {
                return name;
            }
        }

        using var select = Once("SELECT name FROM nouns WHERE id = $id");
        var name2 = (string?)select.Bind("$id", id).ExecuteScalar() ?? throw new StorageException($"Noun key {id} is not in the nouns table of {Path}.");
        _nounIds[name2] = id;
        return name2;
    }

    /// <summary>Records an object-level verb: a completed action on the object itself and its event.</summary>
    internal void RecordObjectVerb(string objectClass, VerbInfo verb, string? inputJson, string? outputJson = null)
        => InTransaction(() =>
        {
            var now = NowMilliseconds();
            var insert = Command($"""
                INSERT INTO stored_actions (id, verb, actor, target, branch, input, output, durability, status, attempts, created_at, updated_at, completed_at)
                VALUES ({NextSequenceNamed}, $verb, $actor, '', $branch, $input, $output, 'do', 'completed', 1, $now, $now, $now)
                """);
            insert.Bind("$floor", SequenceFloor).Bind("$verb", verb.Name).Bind("$actor", Execution.ActorScope.Resolve(null)).Bind("$branch", Branches.Current).Bind("$input", inputJson).Bind("$output", outputJson).Bind("$now", now);
            insert.ExecuteNonQuery();
            var actionId = SequenceWritten(LastInsertRowId);
            var shortName = objectClass[(objectClass.LastIndexOf('.') + 1)..];
            Events.Append(shortName + "." + verb.Event, Namespace.Value, null, null, null, actionId, inputJson, now);
            Execution.EmitBuffer.Flush(this, actionId, now);
        });

    /// <summary>Schema statements run by <see cref="EnsureNounSchema"/>, for <see cref="ChangeMark"/>.</summary>
    private long _schemaStatements;

    /// <summary>The nouns whose schema this connection has brought up to date (<see cref="EnsureNoun"/>) and that no rollback has undone since.</summary>
    private readonly HashSet<NounInfo> _ensuredNouns = [];

    /// <summary>
    /// Interns <paramref name="noun"/> and brings its view and indexes up to date, once per connection (again after a
    /// rollback that may have undone it); returns the noun name.
    /// </summary>
    internal string EnsureNoun(NounInfo noun)
    {
        if (!_ensuredNouns.Contains(noun))
        {
            EnsureNounSchema(noun);
            _ensuredNouns.Add(noun);
        }

        return noun.Name;
    }

    /// <summary>
    /// Forgets the noun keys and the ensured schemas: after a rollback (an intern or a view created in the rolled-back
    /// transaction is gone, e.g. a group member's whose group started again) or a write by another connection.
    /// </summary>
    private void ForgetNouns()
    {
        _nounIds.Clear();
        _ensuredNouns.Clear();
    }

    /// <summary>
    /// Interns <paramref name="noun"/> and brings its view and indexes up to date (re-running its DDL when the
    /// generated schema changed, with <see cref="NounKeyToken"/> replaced by the noun's key in this file). An index the
    /// DDL defines differently from the one the file has (an older SDK's) is dropped and built again. Returns the noun
    /// name.
    /// </summary>
    internal string EnsureNounSchema(NounInfo noun)
    {
        var id = NounId(noun.Name, noun.Plural, noun.ResolveTypeUrl(Namespace));
        SearchIndex.Register(noun);
        string? current;
        using (var read = Once("SELECT schema_hash FROM nouns WHERE id = $id"))
        {
            current = read.Bind("$id", id).ExecuteScalar() as string;
        }

        if (!string.Equals(current, noun.SchemaHash, StringComparison.Ordinal))
        {
            InTransaction(() =>
            {
                _schemaStatements++; // counted before any of them runs: a failure half-way is a failure after writing
                Execute($"DROP VIEW IF EXISTS \"{noun.Name}\"");
                var key = id.ToString(CultureInfo.InvariantCulture);
                foreach (var template in noun.SchemaSql)
                {
                    var statement = template.Replace(NounKeyToken, key, StringComparison.Ordinal);
                    DropIfRedefined(statement);
                    Execute(statement);
                }

                Command("UPDATE nouns SET schema_hash = $hash, plural = $plural, type = $type WHERE id = $id")
                    .Bind("$hash", noun.SchemaHash).Bind("$plural", noun.Plural).Bind("$type", noun.ResolveTypeUrl(Namespace)).Bind("$id", id)
                    .ExecuteNonQuery();
            });
        }

        return noun.Name;
    }

    /// <summary>
    /// Stands for the noun's integer key in a noun's DDL (<see cref="NounInfo.SchemaSql"/>): views and partial indexes
    /// name the key as a literal, which SQLite needs to use a partial index (a join with <c>nouns</c> does not do).
    /// </summary>
    internal const string NounKeyToken = "$noun";

    private const string CreateIndex = "CREATE INDEX IF NOT EXISTS \"";

    /// <summary>
    /// Before <paramref name="statement"/> creates an index "if not exists": drops the index of that name when the file
    /// has it with another definition, which "if not exists" would keep. SQLite stores the statement that created an
    /// index without its IF NOT EXISTS, so an unchanged index compares equal and stays.
    /// </summary>
    private void DropIfRedefined(string statement)
    {
        var end = statement.StartsWith(CreateIndex, StringComparison.Ordinal) ? statement.IndexOf('"', CreateIndex.Length) : -1;
        if (end < 0)
        {
            return;
        }

        var name = statement[CreateIndex.Length..end];
        using var read = Once("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $name");
        if (read.Bind("$name", name).ExecuteScalar() is string existing
            && !string.Equals(existing, "CREATE INDEX " + statement[(CreateIndex.Length - 1)..], StringComparison.Ordinal))
        {
            Execute($"DROP INDEX \"{name}\"");
        }
    }
}
