namespace Do.Storage;

/// <summary>The migrations of durable steps and of a worker's request queue.</summary>
internal static partial class ObjectSchema
{
    /// <summary>Migrations 8 and 9.</summary>
    private static Migration[] Workers() =>
    [
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
    ];
}
