namespace Do.Storage;

/// <summary>
/// The schema of an object's database (DESIGN §3). Append a new <see cref="Migration"/> to change it; never edit one
/// that has shipped. Times are Unix milliseconds (UTC). Version, action and event ids are never reused, even after
/// compaction removes rows (<see cref="ObjectDatabase.SequenceFloor"/>): <c>acme@v1234</c> always means the same row or nothing.
/// </summary>
internal static partial class ObjectSchema
{
    /// <summary>
    /// The page size of a new object file (bytes). A verb changes a few small rows in three or four b-trees, and SQLite
    /// logs every page it touches whole: with 2 KB pages a sync verb writes half the log bytes of SQLite's default 4 KB
    /// pages and measured 15-20% faster, while point reads cost the same, files of small documents are as large and
    /// files of 3 KB documents smaller; a full scan of a table is about 1.3× slower (benchmarks/README.md, write path
    /// round 5). Existing files keep the page size they were created with.
    /// </summary>
    public const int PageSize = 2048;

    /// <summary>The id of the <c>main</c> branch.</summary>
    public const long MainBranch = 1;

    /// <summary>
    /// Every migration in version order: the file's first schema here, the write path's (issue 12) and the durable
    /// steps' and workers' in files of their own.
    /// </summary>
    public static readonly Migration[] Migrations = [.. Foundation().Concat(WritePath()).Concat(Workers()).OrderBy(m => m.Version)];

    /// <summary>Migrations 1-6: the version log, actions, events, graph, search and the views for people.</summary>
    private static Migration[] Foundation() =>
    [
        new(1, "version log, actions, events, graph, search", """
            CREATE TABLE meta (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE nouns (
                id          INTEGER PRIMARY KEY,
                name        TEXT NOT NULL UNIQUE,
                plural      TEXT NOT NULL,
                type        TEXT NOT NULL,
                schema_hash TEXT
            );

            -- A branch sees its own rows plus its parent's rows up to fork_version (copy-on-write).
            CREATE TABLE branches (
                id           INTEGER PRIMARY KEY,
                name         TEXT NOT NULL UNIQUE,
                parent       INTEGER REFERENCES branches(id),
                fork_version INTEGER,
                created_at   INTEGER NOT NULL
            );

            -- The version log: rowid is the version id; an update appends, a delete appends a tombstone.
            CREATE TABLE things (
                version INTEGER PRIMARY KEY AUTOINCREMENT,
                branch  INTEGER NOT NULL REFERENCES branches(id),
                noun    INTEGER NOT NULL REFERENCES nouns(id),
                id      TEXT NOT NULL,
                data    TEXT,
                deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
            );
            CREATE INDEX things_by_id ON things (noun, id, branch, version);
            CREATE INDEX things_by_branch ON things (branch, noun, id);

            CREATE TABLE actions (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                verb           TEXT NOT NULL,
                actor          TEXT,
                target         TEXT NOT NULL,
                noun           INTEGER REFERENCES nouns(id),
                branch         INTEGER NOT NULL DEFAULT 1 REFERENCES branches(id),
                input          TEXT,
                output         TEXT,
                before_version INTEGER,
                after_version  INTEGER,
                durability     TEXT NOT NULL CHECK (durability IN ('send', 'try', 'do')),
                status         TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'undone', 'retrying')),
                attempts       INTEGER NOT NULL DEFAULT 0,
                error          TEXT,
                created_at     INTEGER NOT NULL,
                updated_at     INTEGER NOT NULL,
                completed_at   INTEGER
            );
            CREATE INDEX actions_by_after_version ON actions (after_version) WHERE after_version IS NOT NULL;
            CREATE INDEX actions_open ON actions (status) WHERE status IN ('pending', 'running', 'retrying');

            -- The outbox: one row per state change, in a per-object sequence.
            CREATE TABLE events (
                sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
                type          TEXT NOT NULL,
                source        TEXT NOT NULL,
                noun          INTEGER REFERENCES nouns(id),
                thing         TEXT,
                version       INTEGER,
                action        INTEGER REFERENCES actions(id),
                data          TEXT,
                created_at    INTEGER NOT NULL,
                dispatched_at INTEGER,
                streamed_at   INTEGER
            );
            CREATE INDEX events_undispatched ON events (sequence) WHERE dispatched_at IS NULL;

            CREATE TABLE relationships (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                type       TEXT NOT NULL,
                from_id    TEXT NOT NULL,
                to_id      TEXT NOT NULL,
                data       TEXT,
                created_at INTEGER NOT NULL,
                UNIQUE (from_id, type, to_id)
            );
            CREATE INDEX relationships_to ON relationships (to_id, type);

            -- Links to other objects: parent, children, root, forks, shards.
            CREATE TABLE objects (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                ns         TEXT NOT NULL,
                class      TEXT NOT NULL,
                role       TEXT NOT NULL,
                local_ref  TEXT,
                data       TEXT,
                created_at INTEGER NOT NULL,
                UNIQUE (role, ns)
            );

            CREATE TABLE schedules (
                id          TEXT PRIMARY KEY,
                cron        TEXT NOT NULL,
                time_zone   TEXT NOT NULL,
                next_due_at INTEGER,
                last_run_at INTEGER,
                created_at  INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE VIRTUAL TABLE search USING fts5 (thing_id UNINDEXED, noun UNINDEXED, content, tokenize = 'unicode61');
            CREATE TABLE search_vectors (
                thing_id TEXT PRIMARY KEY,
                vector   BLOB NOT NULL
            ) WITHOUT ROWID;

            INSERT INTO branches (id, name, parent, fork_version, created_at) VALUES (1, 'main', NULL, NULL, 0);
            """),
        new(2, "dead letters", """
            -- An event a handler kept failing on, kept for inspection and replay.
            CREATE TABLE dead_letters (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                event       INTEGER NOT NULL REFERENCES events(sequence),
                handler     TEXT NOT NULL,
                error       TEXT NOT NULL,
                attempts    INTEGER NOT NULL,
                created_at  INTEGER NOT NULL,
                replayed_at INTEGER
            );
            CREATE INDEX dead_letters_open ON dead_letters (id) WHERE replayed_at IS NULL;
            """),
        new(3, "one index on things", """
            -- things_by_id (noun, id, branch, version) serves every lookup and listing; a second index only cost
            -- write amplification on every version appended.
            DROP INDEX things_by_branch;
            """),
        new(4, "event stream marks", """
            -- How far each sink (analytics: Parquet files, external systems) has streamed the outbox: a high-water
            -- mark per sink, advanced only after the sink made the events durable, so each event reaches each sink
            -- exactly once across crashes.
            CREATE TABLE event_streams (
                sink       TEXT PRIMARY KEY,
                sequence   INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(5, "views for people reading the file", """
            -- Times as ISO-8601 text (UTC, milliseconds) beside the Unix-millisecond columns.
            CREATE VIEW actions_view AS
            SELECT a.*,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.updated_at / 1000.0, 'unixepoch') AS updated_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.completed_at / 1000.0, 'unixepoch') AS completed_at_iso
            FROM actions AS a;

            CREATE VIEW events_view AS
            SELECT e.*,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.dispatched_at / 1000.0, 'unixepoch') AS dispatched_at_iso
            FROM events AS e;

            -- HEAD of every live thing on the checked-out branch (its own rows, then each ancestor's up to the fork
            -- point), whichever branch that is; the per-noun views show main.
            CREATE VIEW heads AS
            WITH RECURSIVE chain (branch, up_to) AS (
                SELECT b.id, NULL FROM branches AS b
                WHERE b.name = COALESCE((SELECT CASE WHEN instr(value, '@v') > 0 THEN substr(value, 1, instr(value, '@v') - 1) ELSE value END FROM meta WHERE key = 'checkout'), 'main')
                UNION ALL
                SELECT p.parent, CASE WHEN c.up_to IS NULL THEN p.fork_version ELSE min(c.up_to, p.fork_version) END
                FROM chain AS c JOIN branches AS p ON p.id = c.branch
                WHERE p.parent IS NOT NULL
            ),
            visible AS (
                SELECT t.* FROM things AS t JOIN chain AS c ON t.branch = c.branch AND (c.up_to IS NULL OR t.version <= c.up_to)
            )
            SELECT n.name AS noun, v.id AS id, v.version AS version, v.data AS data
            FROM visible AS v JOIN nouns AS n ON n.id = v.noun
            WHERE v.deleted = 0 AND v.version = (SELECT MAX(h.version) FROM visible AS h WHERE h.noun = v.noun AND h.id = v.id);
            """),
        new(6, "typed search documents", """
            -- One row per indexed thing of a [Searchable] noun: which row of the FTS5 table holds its text (so a
            -- re-index is a rowid lookup, not a scan of UNINDEXED columns) and its float32 embedding, NULL until the
            -- next vector query embeds it. Follows HEAD of the checked-out branch.
            CREATE TABLE search_docs (
                noun     TEXT NOT NULL,
                thing_id TEXT NOT NULL,
                doc      INTEGER NOT NULL UNIQUE,
                vector   BLOB,
                PRIMARY KEY (noun, thing_id)
            ) WITHOUT ROWID;
            CREATE INDEX search_docs_unembedded ON search_docs (noun) WHERE vector IS NULL;
            """),
    ];
}
