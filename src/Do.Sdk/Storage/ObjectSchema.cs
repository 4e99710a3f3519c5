namespace Do.Storage;

/// <summary>
/// The schema of an object's database (DESIGN §3). Append a new <see cref="Migration"/> to change it; never edit one
/// that has shipped. Times are Unix milliseconds (UTC). Version, action and event ids use AUTOINCREMENT so that an id
/// is never reused, even after compaction removes rows: <c>acme@v1234</c> always means the same row or nothing.
/// </summary>
internal static class ObjectSchema
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

    public static readonly Migration[] Migrations =
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
        new(7, "lean write path: derived event data, versions name their action", """
            -- An event of a create or update stored the state JSON its version row already holds. The event now stores
            -- data only when it carries something of its own (a delete's last state, a custom or failure payload) and
            -- derives the rest from things by version: a verb writes its state once. Existing copies are dropped.
            UPDATE events SET data = NULL
            WHERE data IS NOT NULL AND version IS NOT NULL
              AND data = (SELECT t.data FROM things AS t WHERE t.version = events.version);

            DROP VIEW events_view;
            CREATE VIEW events_view AS
            SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action,
                   COALESCE(e.data, (SELECT t.data FROM things AS t WHERE t.version = e.version)) AS data,
                   e.created_at, e.dispatched_at, e.streamed_at,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.dispatched_at / 1000.0, 'unixepoch') AS dispatched_at_iso
            FROM events AS e;

            -- Each version names the action that wrote it, so history and as-of reads find the action by its primary
            -- key; the index on actions.after_version, one more page written by every verb, goes.
            ALTER TABLE things ADD COLUMN action INTEGER;
            UPDATE things SET action = (SELECT a.id FROM actions AS a WHERE a.after_version = things.version);
            DROP INDEX actions_by_after_version;
            """),
        new(8, "durable steps, signals and approvals", """
            -- 'waiting': a durable action suspended in ctx.Sleep or ctx.WaitFor, its turn released. SQLite cannot alter a
            -- CHECK, and rebuilding actions would drop columns other migrations add: widening the list in place keeps
            -- every row valid (SQLite's documented writable_schema procedure), and RESET reloads the schema at once.
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, '''undone'', ''retrying'')', '''undone'', ''retrying'', ''waiting'')')
            WHERE type = 'table' AND name = 'actions';
            PRAGMA writable_schema = RESET;

            -- The step journal: one row per ctx.Step / Sleep / WaitFor / Ai call of an action, in call order. A replayed
            -- action returns result instead of running the step again. kind is open-ended (step, sleep, signal, ai, ...).
            CREATE TABLE steps (
                action       INTEGER NOT NULL REFERENCES actions(id),
                seq          INTEGER NOT NULL,
                name         TEXT NOT NULL,
                kind         TEXT NOT NULL,
                status       TEXT NOT NULL CHECK (status IN ('waiting', 'done')),
                result       TEXT,
                signal       TEXT,
                wake_at      INTEGER,
                timed_out    INTEGER NOT NULL DEFAULT 0 CHECK (timed_out IN (0, 1)),
                created_at   INTEGER NOT NULL,
                completed_at INTEGER,
                PRIMARY KEY (action, seq)
            ) WITHOUT ROWID;
            CREATE INDEX steps_waiting ON steps (wake_at) WHERE status = 'waiting';

            -- Signals that arrived before the action reached its WaitFor: consumed by that WaitFor.
            CREATE TABLE step_signals (
                action     INTEGER NOT NULL REFERENCES actions(id),
                signal     TEXT NOT NULL,
                value      TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (action, signal)
            ) WITHOUT ROWID;

            -- A Human's approval queue: who asked (object, waiting action, signal), until when, and the decision.
            CREATE TABLE approvals (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                text         TEXT NOT NULL,
                requester    TEXT NOT NULL,
                action       INTEGER NOT NULL,
                signal       TEXT NOT NULL,
                policy       TEXT,
                timeout_ms   INTEGER NOT NULL,
                expires_at   INTEGER,
                status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'escalated')),
                decided_by   TEXT,
                comment      TEXT,
                created_at   INTEGER NOT NULL,
                decided_at   INTEGER,
                delivered_at INTEGER
            );
            CREATE INDEX approvals_pending ON approvals (expires_at) WHERE status = 'pending';
            CREATE INDEX approvals_undelivered ON approvals (id) WHERE status IN ('approved', 'rejected') AND delivered_at IS NULL;
            """),
        new(9, "a worker's queue holds questions, choices and tasks beside approvals", """
            -- The approvals queue becomes a Worker's request queue: kind says what is asked, options (a JSON array) what
            -- a decide may answer, answer what an ask/decide/do got. Existing rows are approvals. The status list is
            -- widened in place with 'answered', as migration 8 widened actions.status.
            ALTER TABLE approvals ADD COLUMN kind TEXT NOT NULL DEFAULT 'approve' CHECK (kind IN ('approve', 'ask', 'decide', 'do'));
            ALTER TABLE approvals ADD COLUMN options TEXT;
            ALTER TABLE approvals ADD COLUMN answer TEXT;
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, '''escalated'')', '''escalated'', ''answered'')')
            WHERE type = 'table' AND name = 'approvals';
            PRAGMA writable_schema = RESET;
            DROP INDEX approvals_undelivered;
            CREATE INDEX approvals_undelivered ON approvals (id) WHERE status IN ('approved', 'rejected', 'answered') AND delivered_at IS NULL;
            """),
        new(10, "rowids without AUTOINCREMENT: one page fewer per write", """
            -- AUTOINCREMENT made every write of a version, action and event also rewrite the sqlite_sequence page. The
            -- tables keep their INTEGER PRIMARY KEYs and take SQLite's default (one past the largest id); ids are never
            -- reused because the deletions that could free the largest ones record a floor first (ObjectDatabase.RowIds).
            -- The sequences so far become those floors. Dropping AUTOINCREMENT changes no stored row or page format, so
            -- the table definitions are edited in place, as migrations 8 and 9 widened CHECK lists.
            INSERT INTO meta (key, value)
            SELECT 'rowid_floor:' || name, seq FROM sqlite_sequence WHERE name IN ('things', 'actions', 'events')
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, 'INTEGER PRIMARY KEY AUTOINCREMENT', 'INTEGER PRIMARY KEY')
            WHERE type = 'table' AND name IN ('things', 'actions', 'events');
            PRAGMA writable_schema = RESET;
            DELETE FROM sqlite_sequence WHERE name IN ('things', 'actions', 'events');
            """),
        new(11, "constraints without IN lists on actions: no temporary table per write", """
            -- SQLite evaluates a constant IN list of more than two values through a temporary b-tree, built again on every
            -- execution of a statement: each INSERT or UPDATE of an action built three (the durability and status CHECKs and
            -- the WHERE of actions_open), about half the CPU of writing the row. The same tests as OR chains compare in
            -- place. The CHECKs are edited in place (every row already satisfies them; migrations 8-10 did the same);
            -- the partial index is rebuilt, and the query that finds open actions repeats its WHERE word for word so
            -- the planner still uses it.
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(replace(sql,
                'CHECK (durability IN (''send'', ''try'', ''do''))',
                'CHECK (durability = ''send'' OR durability = ''try'' OR durability = ''do'')'),
                'CHECK (status IN (''pending'', ''running'', ''completed'', ''failed'', ''undone'', ''retrying'', ''waiting''))',
                'CHECK (status = ''pending'' OR status = ''running'' OR status = ''completed'' OR status = ''failed'' OR status = ''undone'' OR status = ''retrying'' OR status = ''waiting'')')
            WHERE type = 'table' AND name = 'actions';
            PRAGMA writable_schema = RESET;
            DROP INDEX actions_open;
            CREATE INDEX actions_open ON actions (status) WHERE (status = 'pending' OR status = 'running' OR status = 'retrying');
            """),
        new(12, "events derived from actions: a verb writes no event row", """
            -- A write that completes its action in one transaction (every sync verb) stored an event row beside its action
            -- row: one more b-tree page logged per verb, about a fifth of its cost, for a row that repeats what the action
            -- holds. The action now carries that event (its type in event, its dispatch mark in dispatched_at), and the
            -- event's sequence is the action's id: actions and stored events draw ids from one counter
            -- (ObjectDatabase.SequenceFloor), so events keep one order. Events with something of their own (a delete's
            -- last state, failures, custom and lifecycle events, a durable action's completion) stay rows of
            -- stored_events, the former events table with its rows unchanged. The view events is both, as before.
            DROP VIEW events_view;
            ALTER TABLE events RENAME TO stored_events;
            UPDATE meta SET key = 'rowid_floor:stored_events' WHERE key = 'rowid_floor:events';
            ALTER TABLE actions ADD COLUMN event TEXT;
            ALTER TABLE actions ADD COLUMN dispatched_at INTEGER;
            CREATE INDEX actions_undispatched ON actions (id) WHERE event IS NOT NULL AND dispatched_at IS NULL;

            -- A dead letter may name a derived event, and a foreign key cannot name a view: the reference goes, edited in
            -- place as migrations 8-11 edited CHECKs (every row stays valid).
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(replace(sql, ' REFERENCES "stored_events"(sequence)', ''), ' REFERENCES stored_events(sequence)', '')
            WHERE type = 'table' AND name = 'dead_letters';
            PRAGMA writable_schema = RESET;

            CREATE VIEW events AS
            SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action, e.data, e.created_at, e.dispatched_at, e.streamed_at
            FROM stored_events AS e
            UNION ALL
            SELECT a.id, a.event, (SELECT m.value FROM meta AS m WHERE m.key = 'ns') || '/' || a.target, a.noun, a.target, a.after_version,
                   a.id, NULL, a.completed_at, a.dispatched_at, NULL
            FROM actions AS a WHERE a.event IS NOT NULL;

            CREATE VIEW events_view AS
            SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action,
                   COALESCE(e.data, (SELECT t.data FROM things AS t WHERE t.version = e.version)) AS data,
                   e.created_at, e.dispatched_at, e.streamed_at,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.dispatched_at / 1000.0, 'unixepoch') AS dispatched_at_iso
            FROM events AS e;
            """),
        new(13, "history in batches instead of an index entry per version", """
            -- things_by_id (noun, id, branch, version) took one entry per version, so every write dirtied the index leaf
            -- of its own thing: a group commit over 50 things logged 50 index pages, half the cost of a busy object's
            -- writes. The same entries now live in two tables: recent, a few pages that every insert into things adds
            -- to (a trigger, so that no insert can miss it), and history, where ThingStore moves recent's rows in one
            -- sorted batch every HistoryBatch versions, writing each thing's leaf once per batch rather than once per
            -- version. The view thing_versions is both: every version of every thing, the rows the old index held.
            CREATE TABLE history (
                noun    INTEGER NOT NULL,
                id      TEXT NOT NULL,
                branch  INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (noun, id, branch, version)
            ) WITHOUT ROWID;
            CREATE TABLE recent (
                noun    INTEGER NOT NULL,
                id      TEXT NOT NULL,
                branch  INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (noun, id, branch, version)
            ) WITHOUT ROWID;
            INSERT INTO history (noun, id, branch, version) SELECT noun, id, branch, version FROM things ORDER BY noun, id, branch, version;
            CREATE TRIGGER things_recent AFTER INSERT ON things BEGIN
                INSERT INTO recent (noun, id, branch, version) VALUES (new.noun, new.id, new.branch, new.version);
            END;
            DROP INDEX things_by_id;

            CREATE VIEW thing_versions AS
            SELECT noun, id, branch, version FROM history
            UNION ALL
            SELECT noun, id, branch, version FROM recent;

            DROP VIEW heads;
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
                SELECT MAX(v.version) AS version
                FROM thing_versions AS v JOIN chain AS c ON v.branch = c.branch AND (c.up_to IS NULL OR v.version <= c.up_to)
                GROUP BY v.noun, v.id
            )
            SELECT n.name AS noun, t.id AS id, t.version AS version, t.data AS data
            FROM visible AS h JOIN things AS t ON t.version = h.version JOIN nouns AS n ON n.id = t.noun
            WHERE t.deleted = 0;

            -- Each noun's view found HEAD with MAX(version) over the dropped index; it takes the newest of history and
            -- recent instead, merged so that each half is read from its end (MAX over the union would read every version
            -- of the thing for every row). Edited in place as migrations 8-12 edited definitions; EnsureNounSchema
            -- rewrites the view of a noun whose generated schema changed.
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql,
                '(SELECT MAX(h.version) FROM things AS h WHERE h.noun = t.noun AND h.id = t.id AND h.branch = 1)',
                '(SELECT h.version FROM history AS h WHERE h.noun = t.noun AND h.id = t.id AND h.branch = 1 UNION ALL SELECT r.version FROM recent AS r WHERE r.noun = t.noun AND r.id = t.id AND r.branch = 1 ORDER BY 1 DESC LIMIT 1)')
            WHERE type = 'view';
            PRAGMA writable_schema = RESET;
            """),
    ];
}
