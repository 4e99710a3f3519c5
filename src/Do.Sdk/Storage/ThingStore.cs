using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The append-only version log of things, on JSON data. A thing is identified by its noun and local id. Every
/// write appends one version row and one action row (which carries its event) in a single transaction; no committed row
/// is updated in place. A thing's versions form a chain: <c>tip</c> names its newest on each branch, and each version
/// the one it replaced (<c>prev</c>; see <see cref="HeadsOf"/>). Reads resolve refs: HEAD, a branch, <c>@v</c>,
/// <c>@~N</c> or a point in time.
/// </summary>
/// <remarks>Store methods are synchronous and must run inside the object's turn (the host guarantees this for
/// calls through an object client or a <see cref="Context"/>).</remarks>
internal sealed partial class ThingStore
{
    private const string Columns = "version, data, deleted";

    // The key used to read a noun that was never written: it matches no row, and looking it up writes nothing.
    private const long UnknownNoun = -1;
    private const int MaxCachedHeads = 1024;

    // HEAD of a thing on main: its tip.
    internal const string MainHeadSql = $"SELECT {HeadColumns} FROM tip AS p CROSS JOIN things AS t ON t.version = p.version WHERE p.noun = $noun AND p.id = $id AND p.branch = 1";

    private readonly ObjectDatabase _db;

    // HEAD rows of main, by (noun key, id): one turn at a time writes this file, and every write goes through Append,
    // so the cache is exact; a rollback forgets it. Bounded, and dropped whole when full.
    private readonly Dictionary<(long Noun, string Id), ThingRecord?> _heads = [];

    // Reads over a branch scope (another branch, @~N, a point in time, listings), prepared once per chain shape.
    private readonly ScopedStatements _list;
    private readonly ScopedStatements _history;
    private readonly ScopedStatements _scopedHead;
    private readonly ScopedStatements _previous;
    private readonly ScopedStatements _nth;
    private readonly ScopedStatements _asOf;

    internal ThingStore(ObjectDatabase db)
    {
        _db = db;
        // Each read starts from the thing's HEAD in the scope (HeadsOf) and, where it needs older versions, walks back.
        _list = new(db, ListSql);
        _history = new(db, HistorySql);
        _scopedHead = new(db, ScopedHeadSql);
        _previous = new(db, PreviousSql);
        _nth = new(db, NthSql);
        _asOf = new(db, AsOfSql);
    }

    /// <summary>Forgets cached HEAD rows (after a rollback, or an operation that rewrites the log).</summary>
    internal void ForgetHeads()
    {
        _heads.Clear();
        _links.Clear(); // nor leave links of a version id that the next append may take again
    }

    /// <summary>Creates a thing. Fails when <paramref name="id"/> already exists (a deleted id may be created again).</summary>
    /// <exception cref="ThingAlreadyExistsException">The thing exists on the current branch.</exception>
    /// <exception cref="InvalidThingIdException">The id is not a valid local id.</exception>
    /// <exception cref="ArgumentException">The data is not a JSON object.</exception>
    public ThingRecord Create(string noun, string id, string json, WriteOptions? options = null)
    {
        ValidateId(id);
        ValidateJson(json, nameof(json));
        return CreateCore(noun, id, json, options);
    }

    /// <summary>Appends a new version of an existing thing.</summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is deleted.</exception>
    public ThingRecord Update(string noun, string id, string json, WriteOptions? options = null)
    {
        ValidateId(id);
        ValidateJson(json, nameof(json));
        return UpdateCore(noun, id, json, options);
    }

    /// <summary>Appends a tombstone. The thing's history stays readable through refs.</summary>
    /// <exception cref="ThingNotFoundException">The thing does not exist or is already deleted.</exception>
    public ThingRecord Delete(string noun, string id, WriteOptions? options = null)
    {
        ValidateId(id);
        return _db.InTransaction(() =>
        {
            _db.Branches.RequireWritable();
            var nounId = _db.NounId(noun);
            var head = Head(nounId, noun, id, _db.Branches.Current);
            if (head is null || head.Deleted)
            {
                throw new ThingNotFoundException(noun, id, head is null ? "it does not exist" : $"it was already deleted at v{head.Version}");
            }

            return Append(nounId, noun, id, null, head, "delete", "deleted", options, eventData: head.Data);
        });
    }

    /// <summary>Reads a thing at a ref (<c>acme</c>, <c>acme@v12</c>, <c>acme@~1</c>, <c>acme@main</c>, <c>acme@2026-11-23T09:00Z</c>).</summary>
    /// <returns>The version the ref selects (possibly a tombstone), or null when it selects nothing.</returns>
    /// <exception cref="InvalidRefException">The ref is malformed.</exception>
    /// <exception cref="RefNotFoundException">The ref names a branch that does not exist or a version of another thing.</exception>
    public ThingRecord? Get(string noun, string reference) => Get(noun, Ref.Parse(reference));

    /// <summary>Reads a thing at a parsed ref.</summary>
    public ThingRecord? Get(string noun, Ref reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Id.Length == 0)
        {
            throw new InvalidRefException(reference.ToString(), "a thing ref needs an id before '@'");
        }

        if (reference.Namespace is { } ns && ns != _db.Namespace)
        {
            throw new RefNotFoundException(reference.ToString(), $"it names a thing in {ns}, not in this object ({_db.Namespace}); read it through that object");
        }

        var nounId = _db.FindNounId(noun) ?? UnknownNoun;
        switch (reference.Kind)
        {
            case RefKind.Head:
                return Head(nounId, noun, reference.Id, _db.Branches.Current);
            case RefKind.Branch:
                return Head(nounId, noun, reference.Id, _db.Branches.Resolve(reference.Branch!, reference));
            case RefKind.Version:
                return AtVersion(nounId, noun, reference);
            case RefKind.Ancestor:
                return Nth(nounId, noun, reference.Id, _db.Branches.Current, reference.Back);
            default:
                return AsOf(nounId, noun, reference.Id, _db.Branches.Current, reference.AsOf);
        }
    }

    /// <summary>HEAD rows of every live thing of <paramref name="noun"/> on the current branch, ordered by id.</summary>
    public IReadOnlyList<ThingRecord> List(string noun)
    {
        var nounId = _db.FindNounId(noun) ?? UnknownNoun;
        var command = _list.For(_db.Branches.Scope(_db.Branches.Current));
        command.Bind("$noun", nounId);
        var result = new List<ThingRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ThingRecord(reader.GetInt64(0), noun, reader.GetString(3), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2) != 0));
        }

        return result;
    }

    /// <summary>Every version of a thing visible on the current branch, newest first, with the action that wrote it.</summary>
    public IReadOnlyList<ThingHistoryEntry> History(string noun, string id)
    {
        ValidateId(id);
        var nounId = _db.FindNounId(noun) ?? UnknownNoun;
        var command = _history.For(_db.Branches.Scope(_db.Branches.Current));
        command.Bind("$noun", nounId).Bind("$id", id);
        var result = new List<ThingHistoryEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var thing = new ThingRecord(reader.GetInt64(0), noun, id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2) != 0);
            result.Add(new ThingHistoryEntry(thing, reader.GetInt64(3), reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.IsDBNull(5) ? 0 : reader.GetInt64(5))));
        }

        return result;
    }

    internal ThingRecord CreateCore(string noun, string id, string json, WriteOptions? options)
        => _db.InTransaction(() =>
        {
            _db.Branches.RequireWritable();
            var nounId = _db.NounId(noun);
            var head = Head(nounId, noun, id, _db.Branches.Current);
            if (head is { Deleted: false })
            {
                throw new ThingAlreadyExistsException(noun, id, head.Version);
            }

            return Append(nounId, noun, id, json, head, "create", "created", options, eventData: json);
        });

    internal ThingRecord UpdateCore(string noun, string id, string json, WriteOptions? options)
        => _db.InTransaction(() =>
        {
            _db.Branches.RequireWritable();
            var nounId = _db.NounId(noun);
            var head = RequireLive(nounId, noun, id);
            return Append(nounId, noun, id, json, head, "update", "updated", options, eventData: json);
        });

    internal ThingRecord RequireLive(long nounId, string noun, string id)
    {
        var head = Head(nounId, noun, id, _db.Branches.Current);
        return head is null || head.Deleted
            ? throw new ThingNotFoundException(noun, id, head is null ? "it does not exist" : $"it was deleted at v{head.Version}")
            : head;
    }

    internal ThingRecord? Head(long nounId, string noun, string id, long branch)
    {
        if (branch == ObjectSchema.MainBranch && _db.Branches.DetachedAt is null)
        {
            _db.ThrowIfDisposed();
            if (_heads.TryGetValue((nounId, id), out var cached))
            {
                return cached;
            }

            var command = _db.Command(MainHeadSql);
            command.Bind("$noun", nounId).Bind("$id", id);
            var head = ReadOne(command, noun, id);
            Remember(nounId, id, head);
            return head;
        }

        return Nth(nounId, noun, id, branch, 0);
    }

    private ThingRecord? Nth(long nounId, string noun, string id, long branch, int back) => Nth(nounId, noun, id, _db.Branches.Scope(branch), back);

    /// <summary>HEAD of a thing in <paramref name="scope"/> (possibly a tombstone), or null when the scope sees none.</summary>
    internal ThingRecord? HeadIn(long nounId, string id, BranchScope scope) => Nth(nounId, _db.NounName(nounId), id, scope, 0);

    private ThingRecord? Nth(long nounId, string noun, string id, BranchScope scope, int back)
    {
        // HEAD and @~1, the refs read most, take a statement without a walk of their own.
        var command = back switch
        {
            0 => _scopedHead.For(scope),
            1 => _previous.For(scope),
            _ => _nth.For(scope).Bind("$back", back),
        };
        command.Bind("$noun", nounId).Bind("$id", id);
        return ReadOne(command, noun, id);
    }

    private ThingRecord? AtVersion(long nounId, string noun, Ref reference)
    {
        var command = _db.Command($"SELECT {Columns}, noun, id FROM things WHERE version = $version");
        command.Bind("$version", reference.Version);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        if (reader.GetInt64(3) != nounId || !string.Equals(reader.GetString(4), reference.Id, StringComparison.Ordinal))
        {
            throw new RefNotFoundException(reference.ToString(), $"v{reference.Version} is a version of {_db.NounName(reader.GetInt64(3))} {reader.GetString(4)}, not of {noun} {reference.Id}");
        }

        return new ThingRecord(reader.GetInt64(0), noun, reference.Id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2) != 0);
    }

    private ThingRecord? AsOf(long nounId, string noun, string id, long branch, DateTimeOffset time)
    {
        var command = _asOf.For(_db.Branches.Scope(branch));
        command.Bind("$noun", nounId).Bind("$id", id).Bind("$time", time.ToUnixTimeMilliseconds());
        return ReadOne(command, noun, id);
    }

    private ThingRecord? ReadOne(SqliteCommand command, string noun, string id)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var version = reader.GetInt64(0);
        if (reader.FieldCount > 3)
        {
            RememberLinks(version, ReadLinks(reader, 3)); // a HEAD read (HeadColumns): the next append names it as prev
        }

        return new ThingRecord(version, noun, id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2) != 0);
    }

    /// <summary>
    /// The one INSERT into things of every write (<see cref="Append"/>), bound by position: ?1 the sequence floor, ?2–?6
    /// branch, noun, id, data, deleted, ?7 a durable action's id (null when the action is folded into the row), ?8–?13 the
    /// chain links, ?14–?21 and ?23 the folded action and its derived event, ?22 the next id when the writer knows it.
    /// The benchmarks' <c>--write-floor</c> and <c>--insert-probe</c> run this text directly.
    /// </summary>
    internal const string InsertVersionSql = $"""
        INSERT INTO things (version, branch, noun, id, data, deleted, action, prev, depth, skip16, skip256, skip4096, skip65536,
                            verb, actor, input, output, before_version, durability, at, event, dispatched_at)
        VALUES (coalesce(?22, {ObjectDatabase.NextSequence}), ?2, ?3, ?4, ?5, ?6, coalesce(?7, coalesce(?22, {ObjectDatabase.NextSequence})),
                ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23)
        """;

    /// <summary>Moves a thing's tip on a branch to a new version (?1 noun, ?2 id, ?3 branch, ?4 version), after <see cref="InsertVersionSql"/>.</summary>
    internal const string MoveTipSql = "INSERT INTO tip (noun, id, branch, version) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (noun, id, branch) DO UPDATE SET version = excluded.version WHERE excluded.version > tip.version";

    /// <summary>
    /// Appends the version of one write, with its action and event. A write with an action of its own (every sync verb,
    /// a delete, a merge or fork) folds that action into the version row (schema 16): one row, whose id is the version,
    /// the action's id and its event's sequence. A durable action's completion names its stored action
    /// (<paramref name="existingActionId"/>) and completes it. Must run inside a transaction.
    /// </summary>
    internal ThingRecord Append(long nounId, string noun, string id, string? json, ThingRecord? before, string defaultVerb, string defaultEvent, WriteOptions? options, string? eventData, long? existingActionId = null, int attempts = 1)
    {
        var branch = _db.Branches.RequireWritable();
        var now = _db.NowMilliseconds();
        var folded = existingActionId is null;

        // An event that carries exactly the state the write stores is derived from the version row (EventStore): its
        // type and dispatch mark are columns of the row. Others (a delete, a custom payload, a durable action's
        // completion) are stored events.
        var eventType = noun + "." + (options?.Event ?? defaultEvent);
        var sameState = json is not null && string.Equals(eventData, json, StringComparison.Ordinal);
        var derive = folded && sameState;
        var handled = derive && _db.Events.Handled(eventType);

        // prev is the version this one replaces as its branch sees it (a branch's first write names its parent's), with
        // the skip links that follow from prev's. Then the thing's tip on this branch moves to the new version (this is
        // the only INSERT into things; a trigger did this until migration 15).
        var prev = Predecessor(nounId, id, branch, before);
        var links = NextLinks(prev);
        var insert = _db.Statement(InsertVersionSql)
            .Bind(1, _db.SequenceFloor).Bind(2, branch).Bind(3, nounId).Bind(4, id).Bind(5, json).Bind(6, json is null ? 1 : 0).Bind(7, existingActionId)
            .Bind(8, prev).Bind(9, links.Depth).Bind(10, links.Skip16).Bind(11, links.Skip256).Bind(12, links.Skip4096).Bind(13, links.Skip65536);
        if (folded)
        {
            var durability = options?.Durability ?? Durability.Do;
            insert.Bind(14, options?.Verb ?? defaultVerb).Bind(15, options?.Actor).Bind(16, options?.Input).Bind(17, options?.Output).Bind(18, before?.Version)
                .Bind(19, durability == Durability.Do ? null : ActionStore.ToText(durability)).Bind(20, now).Bind(21, derive ? eventType : null)
                .Bind(23, handled ? now : null);
        }
        else
        {
            insert.BindNull(14).BindNull(15).BindNull(16).BindNull(17).BindNull(18).BindNull(19).BindNull(20).BindNull(21).BindNull(23);
        }

        var known = _db.KnownNextSequence;
        try
        {
            insert.Bind(22, known).Execute();
        }
        catch (SqliteException e) when (known is not null && e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY)
        {
            // Someone else wrote a version, action or event with that id (another process on the file): ask the tables.
            _db.ForgetSequence();
            insert.Bind(22, (long?)null).Execute();
        }

        var version = _db.SequenceWritten(_db.LastInsertRowId);
        var actionId = existingActionId ?? version;
        _db.Statement(MoveTipSql)
            .Bind(1, nounId).Bind(2, id).Bind(3, branch).Bind(4, version).Execute();
        RememberLinks(version, links);
        var written = new ThingRecord(version, noun, id, json, json is null);
        _db.SearchIndex.OnWrite(noun, id, json);
        if (branch == ObjectSchema.MainBranch)
        {
            Remember(nounId, id, written);
        }

        if (existingActionId is long existing)
        {
            _db.Actions.Complete(existing, before?.Version, version, attempts, now, options?.Output);
        }

        if (derive)
        {
            _db.Events.Derived(eventType, id, version, actionId, json!, now, handled);
        }
        else
        {
            _db.Events.Append(eventType, ThingSource(id), nounId, id, version, actionId, eventData, now, derived: sameState);
        }

        Execution.EmitBuffer.Flush(_db, actionId, now);
        return written;
    }

    private void Remember(long nounId, string id, ThingRecord? head)
    {
        if (_heads.Count >= MaxCachedHeads)
        {
            _heads.Clear();
        }

        _heads[(nounId, id)] = head;
    }

    internal string ThingSource(string id) => _db.Namespace.Value + "/" + id;
}
