namespace Do.Storage;

/// <summary>The write path's migrations (issue 12): fewer pages, rows and indexes written per verb.</summary>
internal static partial class ObjectSchema
{
    /// <summary>Migrations 7 and 10-17.</summary>
    private static Migration[] WritePath() =>
    [
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
        new(14, "a version chain instead of a version index", """
            -- recent and history held an entry per version, and each write added one to a page shared by every busy
            -- thing, and every 1,024 writes moved them into each thing's leaf of history: a third of a busy object's
            -- write. A version now names the one it replaced as its branch saw it (prev), and tip holds each thing's
            -- newest version per branch, one row rewritten in place: HEAD is one lookup, a listing reads tip instead of
            -- every version, and older versions are found by walking back (ThingStore.HeadsOf). Skip links bound the walk:
            -- depth counts the versions before one in its chain, and skipN names the version at the last multiple of N
            -- of depth below it (ChainLinks).
            ALTER TABLE things ADD COLUMN prev INTEGER;
            ALTER TABLE things ADD COLUMN depth INTEGER;
            ALTER TABLE things ADD COLUMN skip16 INTEGER;
            ALTER TABLE things ADD COLUMN skip256 INTEGER;
            ALTER TABLE things ADD COLUMN skip4096 INTEGER;
            ALTER TABLE things ADD COLUMN skip65536 INTEGER;
            CREATE TABLE tip (
                noun    INTEGER NOT NULL,
                id      TEXT NOT NULL,
                branch  INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (noun, id, branch)
            ) WITHOUT ROWID;

            -- prev of every version so far: the newest version of its thing below it that its branch saw, on the branch
            -- itself or on an ancestor up to the fork point (each part read from the end of its history range). Computed
            -- into a temporary table with the links below, so that things is rewritten once.
            CREATE TEMP TABLE chain_14 AS
            WITH RECURSIVE up (branch, ancestor, up_to) AS (
                SELECT id, id, NULL FROM branches
                UNION ALL
                SELECT u.branch, b.parent, CASE WHEN u.up_to IS NULL THEN b.fork_version ELSE min(u.up_to, b.fork_version) END
                FROM up AS u JOIN branches AS b ON b.id = u.ancestor
                WHERE b.parent IS NOT NULL
            )
            SELECT branch, ancestor, up_to FROM up;
            CREATE TEMP TABLE prev_14 AS
            SELECT version, (
                SELECT NULLIF(MAX(max(
                    COALESCE((SELECT MAX(h.version) FROM history AS h
                              WHERE h.noun = things.noun AND h.id = things.id AND h.branch = c.ancestor
                                AND h.version < min(things.version, COALESCE(c.up_to + 1, things.version))), 0),
                    COALESCE((SELECT MAX(r.version) FROM recent AS r
                              WHERE r.noun = things.noun AND r.id = things.id AND r.branch = c.ancestor
                                AND r.version < min(things.version, COALESCE(c.up_to + 1, things.version))), 0))), 0)
                FROM temp.chain_14 AS c WHERE c.branch = things.branch) AS prev
            FROM things;
            CREATE INDEX temp.prev_14_by_prev ON prev_14 (prev);

            -- depth and the skip links, from each chain's first version forwards (a version's links follow from its prev's).
            CREATE TEMP TABLE links_14 AS
            WITH RECURSIVE l (version, prev, depth, skip16, skip256, skip4096, skip65536) AS (
                SELECT version, NULL, 0, NULL, NULL, NULL, NULL FROM temp.prev_14 WHERE prev IS NULL
                UNION ALL
                SELECT p.version, l.version, l.depth + 1,
                       CASE WHEN l.depth % 16 = 0 THEN l.version ELSE l.skip16 END,
                       CASE WHEN l.depth % 256 = 0 THEN l.version ELSE l.skip256 END,
                       CASE WHEN l.depth % 4096 = 0 THEN l.version ELSE l.skip4096 END,
                       CASE WHEN l.depth % 65536 = 0 THEN l.version ELSE l.skip65536 END
                FROM l JOIN temp.prev_14 AS p ON p.prev = l.version
            )
            SELECT * FROM l;
            UPDATE things SET prev = l.prev, depth = l.depth, skip16 = l.skip16, skip256 = l.skip256, skip4096 = l.skip4096, skip65536 = l.skip65536
            FROM temp.links_14 AS l WHERE l.version = things.version;
            DROP TABLE temp.links_14;
            DROP TABLE temp.prev_14;
            DROP TABLE temp.chain_14;
            INSERT INTO tip (noun, id, branch, version)
            SELECT noun, id, branch, MAX(version) FROM (SELECT noun, id, branch, version FROM history UNION ALL SELECT noun, id, branch, version FROM recent)
            GROUP BY noun, id, branch;

            DROP TRIGGER things_recent;
            DROP VIEW thing_versions;
            DROP TABLE recent;
            DROP TABLE history;
            CREATE TRIGGER things_tip AFTER INSERT ON things BEGIN
                INSERT INTO tip (noun, id, branch, version) VALUES (new.noun, new.id, new.branch, new.version)
                ON CONFLICT (noun, id, branch) DO UPDATE SET version = excluded.version WHERE excluded.version > tip.version;
            END;

            -- Every version of every thing, for people reading the file (the columns the old index held).
            CREATE VIEW thing_versions AS SELECT noun, id, branch, version FROM things;

            DROP VIEW heads;
            CREATE VIEW heads AS
            WITH RECURSIVE chain (depth, branch, up_to) AS (
                SELECT 0, b.id, NULL FROM branches AS b
                WHERE b.name = COALESCE((SELECT CASE WHEN instr(value, '@v') > 0 THEN substr(value, 1, instr(value, '@v') - 1) ELSE value END FROM meta WHERE key = 'checkout'), 'main')
                UNION ALL
                SELECT c.depth + 1, p.parent, CASE WHEN c.up_to IS NULL THEN p.fork_version ELSE min(c.up_to, p.fork_version) END
                FROM chain AS c JOIN branches AS p ON p.id = c.branch
                WHERE p.parent IS NOT NULL
            ),
            nearest AS (
                SELECT p.noun, p.id, p.version, c.up_to, MIN(c.depth)
                FROM tip AS p JOIN chain AS c ON c.branch = p.branch
                GROUP BY p.noun, p.id
            ),
            walk (noun, id, version, up_to) AS (
                SELECT noun, id, version, up_to FROM nearest
                UNION ALL
                SELECT w.noun, w.id,
                       CASE WHEN t.skip65536 > w.up_to THEN t.skip65536 WHEN t.skip4096 > w.up_to THEN t.skip4096
                            WHEN t.skip256 > w.up_to THEN t.skip256 WHEN t.skip16 > w.up_to THEN t.skip16 ELSE t.prev END,
                       w.up_to
                FROM walk AS w CROSS JOIN things AS t ON t.version = w.version
                WHERE w.version > w.up_to AND t.prev IS NOT NULL
            )
            SELECT n.name AS noun, t.id AS id, t.version AS version, t.data AS data
            FROM walk AS w CROSS JOIN things AS t ON t.version = w.version JOIN nouns AS n ON n.id = t.noun
            WHERE (w.up_to IS NULL OR w.version <= w.up_to) AND t.deleted = 0;

            -- Each noun's view found HEAD as the newest of history and recent; it reads tip. The subquery is replaced
            -- whole, in both forms it was written in (migration 13's one line, the generator's two); EnsureNounSchema
            -- later rewrites the view of a noun whose program declares it to read tip directly.
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql =
                substr(sql, 1, instr(sql, '(SELECT h.version FROM history AS h') - 1)
                || '(SELECT h.version FROM tip AS h WHERE h.noun = t.noun AND h.id = t.id AND h.branch = 1)'
                || substr(sql, instr(sql, 'ORDER BY 1 DESC LIMIT 1)') + length('ORDER BY 1 DESC LIMIT 1)'))
            WHERE type = 'view' AND instr(sql, '(SELECT h.version FROM history AS h') > 0 AND instr(sql, 'ORDER BY 1 DESC LIMIT 1)') > 0;
            PRAGMA writable_schema = RESET;
            """),
        new(15, "the tip moves with the write, not in a trigger", """
            -- A trigger made every version INSERT a statement that writes two tables, which SQLite runs with a statement
            -- journal (a copy of each page it touches, to undo the statement alone). The writer now moves the tip with an
            -- UPSERT of its own after each version it appends (ThingStore.Append): 1.5 µs less per verb under load
            -- (benchmarks/README.md, write path round 12). Nothing else inserts into things.
            DROP TRIGGER things_tip;
            """),
        new(16, "a write's action folded into its version", """
            -- A write appended two rows, its action and its version, into two b-trees: the action's INSERT and pages were
            -- a fifth of a busy object's verb (benchmarks/README.md, write path round 14). A version written by an action
            -- of its own now carries that action: verb, actor, input, output, the version it replaced, durability (NULL for
            -- 'do'), status (NULL for 'completed'), the time it completed, and its event's type and dispatch mark. Its id
            -- is at once the version, the action's id and the event's sequence: versions, actions and stored events now
            -- draw ids from one counter (ObjectDatabase.NextSequence). Actions that write no version in their own
            -- transaction (a durable action pending or failed, an object verb, a lifecycle operation) stay rows of
            -- stored_actions, the former actions table with its rows unchanged; the view actions shows both, as before.
            DROP VIEW actions_view;
            DROP VIEW events_view;
            DROP VIEW events;

            -- A stored event may name a folded action, which lives in things: a foreign key cannot follow it (edited in
            -- place, as migration 12 did for dead letters; every row stays valid).
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(sql, ' REFERENCES actions(id)', '')
            WHERE type = 'table' AND name = 'stored_events';
            PRAGMA writable_schema = RESET;
            ALTER TABLE actions RENAME TO stored_actions;
            UPDATE meta SET key = 'rowid_floor:stored_actions' WHERE key = 'rowid_floor:actions';

            ALTER TABLE things ADD COLUMN verb TEXT;
            ALTER TABLE things ADD COLUMN actor TEXT;
            ALTER TABLE things ADD COLUMN input TEXT;
            ALTER TABLE things ADD COLUMN output TEXT;
            ALTER TABLE things ADD COLUMN before_version INTEGER;
            ALTER TABLE things ADD COLUMN durability TEXT;
            ALTER TABLE things ADD COLUMN status TEXT;
            ALTER TABLE things ADD COLUMN at INTEGER;
            ALTER TABLE things ADD COLUMN event TEXT;
            ALTER TABLE things ADD COLUMN dispatched_at INTEGER;
            CREATE INDEX things_undispatched ON things (version) WHERE event IS NOT NULL AND dispatched_at IS NULL;

            -- Every active object's connection parses these views and keeps them in memory, at about twice their
            -- text's size in working set: each is written as tersely as it can be read (SELECT * for a table's own
            -- columns, in their order; the namespace joined, not a subquery per arm). A migration that adds a column to
            -- stored_actions or stored_events must recreate the view over it.
            CREATE VIEW actions AS
            SELECT * FROM stored_actions
            UNION ALL
            SELECT version, verb, actor, id, noun, branch, input, output, before_version, version, coalesce(durability, 'do'),
                   coalesce(status, 'completed'), 1, NULL, at, at, at, event, dispatched_at
            FROM things WHERE verb IS NOT NULL;

            CREATE VIEW events AS
            SELECT * FROM stored_events
            UNION ALL
            SELECT a.id, a.event, m.value || '/' || a.target, a.noun, a.target, a.after_version, a.id, NULL, a.completed_at, a.dispatched_at, NULL
            FROM stored_actions AS a LEFT JOIN meta AS m ON m.key = 'ns' WHERE a.event IS NOT NULL
            UNION ALL
            SELECT t.version, t.event, m.value || '/' || t.id, t.noun, t.id, t.version, t.version, NULL, t.at, t.dispatched_at, NULL
            FROM things AS t LEFT JOIN meta AS m ON m.key = 'ns' WHERE t.event IS NOT NULL;

            CREATE VIEW events_view AS
            SELECT e.sequence, e.type, e.source, e.noun, e.thing, e.version, e.action,
                   COALESCE(e.data, (SELECT t.data FROM things AS t WHERE t.version = e.version)) AS data,
                   e.created_at, e.dispatched_at, e.streamed_at,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', e.dispatched_at / 1000.0, 'unixepoch') AS dispatched_at_iso
            FROM events AS e;

            CREATE VIEW actions_view AS
            SELECT a.*,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.created_at / 1000.0, 'unixepoch') AS created_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.updated_at / 1000.0, 'unixepoch') AS updated_at_iso,
                   strftime('%Y-%m-%dT%H:%M:%fZ', a.completed_at / 1000.0, 'unixepoch') AS completed_at_iso
            FROM actions AS a;
            """),
        new(17, "the heads view written tersely", """
            -- heads was the largest part of the schema every active object's connection parses and keeps: 22 KB of its
            -- 68 KB (benchmarks/README.md, write path round 20). The same query with fewer parts: the checked-out
            -- branch's name cut at '@v' without a CASE, a fork's bound without one, and the nearest tip found in the
            -- walk's first step instead of a CTE of its own (16 KB).
            DROP VIEW heads;
            CREATE VIEW heads AS
            WITH RECURSIVE chain (depth, branch, up_to) AS (
                SELECT 0, id, NULL FROM branches
                WHERE name = coalesce((SELECT substr(value, 1, instr(value || '@v', '@v') - 1) FROM meta WHERE key = 'checkout'), 'main')
                UNION ALL
                SELECT depth + 1, parent, min(coalesce(up_to, fork_version), fork_version)
                FROM chain JOIN branches ON id = branch
                WHERE parent IS NOT NULL
            ),
            walk (noun, id, version, up_to, depth) AS (
                SELECT p.noun, p.id, p.version, up_to, min(depth) FROM tip AS p JOIN chain AS c ON c.branch = p.branch GROUP BY p.noun, p.id
                UNION ALL
                SELECT w.noun, w.id,
                       CASE WHEN skip65536 > up_to THEN skip65536 WHEN skip4096 > up_to THEN skip4096
                            WHEN skip256 > up_to THEN skip256 WHEN skip16 > up_to THEN skip16 ELSE prev END,
                       up_to, w.depth
                FROM walk AS w CROSS JOIN things AS t ON t.version = w.version
                WHERE w.version > up_to AND prev IS NOT NULL
            )
            SELECT n.name AS noun, t.id AS id, t.version AS version, t.data AS data
            FROM walk AS w CROSS JOIN things AS t ON t.version = w.version JOIN nouns AS n ON n.id = t.noun
            WHERE (up_to IS NULL OR w.version <= up_to) AND t.deleted = 0;
            """),
    ];
}
