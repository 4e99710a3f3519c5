using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Storage;

/// <summary>
/// What a write costs SQLite, read from its own query plans. A constant IN list of more than two values makes SQLite
/// build a temporary b-tree on every execution of the statement; in the CHECKs and the partial index of stored actions
/// that was about half the CPU of writing an action (migration 11 made them OR chains).
/// </summary>
public sealed class WriteCostTests : IDisposable
{
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    public static TheoryData<string> Writes => new()
    {
        "INSERT INTO stored_actions (verb, target, noun, branch, durability, status, attempts, created_at, updated_at) VALUES ('v', 't', 1, 1, 'do', 'completed', 1, 0, 0)",
        "UPDATE stored_actions SET status = 'retrying', attempts = 2 WHERE id = 1",
        "INSERT INTO things (branch, noun, id, data, deleted, action) VALUES (1, 1, 't', '{}', 0, 1)",
        "INSERT INTO things (branch, noun, id, data, deleted, action, verb, actor, at, event, dispatched_at) VALUES (1, 1, 't', '{}', 0, 1, 'v', 'a', 0, 'T.done', NULL)",
        "INSERT INTO stored_actions (verb, target, noun, branch, durability, status, attempts, created_at, updated_at, event) VALUES ('v', 't', 1, 1, 'send', 'completed', 1, 0, 0, 'T.done')",
        "INSERT INTO stored_events (type, source, noun, thing, version, action, created_at, dispatched_at) VALUES ('T.done', 's', 1, 't', 1, 1, 0, 0)",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void A_write_of_a_version_action_or_event_builds_no_temporary_btree(string write)
        => Assert.DoesNotContain("OpenEphemeral", Opcodes(Db, write));

    [Fact]
    public void A_new_file_logs_small_pages_and_keeps_them_after_reopening()
    {
        Db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
        Assert.Equal((long)ObjectSchema.PageSize, Db.Scalar("PRAGMA page_size"));

        var reopened = _test.Reopen();

        Assert.Equal((long)ObjectSchema.PageSize, reopened.Scalar("PRAGMA page_size"));
        Assert.Equal("""{"name":"Acme","priority":0}""", reopened.Things.Get("Startup", "acme")?.Data);
    }

    [Fact]
    public void Open_actions_are_still_found_through_their_partial_index()
    {
        var plan = string.Join('\n', Rows(Db, "EXPLAIN QUERY PLAN SELECT id FROM stored_actions WHERE " + ActionStore.OpenWhere + " ORDER BY id").Select(r => r[3]));

        Assert.Contains("actions_open", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "'finished'")]
    [InlineData("durability", "'maybe'")]
    public void The_checks_still_refuse_a_value_outside_their_list_and_leave_the_row_as_it_was(string column, string value)
    {
        Db.Actions.InsertPending("Launch", null, "acme", null, 1, null, null, Durability.Do); // an action of its own row
        var before = Rows(Db, "SELECT status, durability FROM stored_actions ORDER BY id").Select(r => $"{r[0]}/{r[1]}").ToArray();

        var e = Assert.Throws<SqliteException>(() => Db.Execute($"UPDATE stored_actions SET {column} = {value}"));

        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(["pending/do"], before);
        Assert.Equal(before, Rows(Db, "SELECT status, durability FROM stored_actions ORDER BY id").Select(r => $"{r[0]}/{r[1]}").ToArray());
    }

    [Fact]
    public void A_version_insert_writes_one_table_and_the_tip_moves_in_a_statement_of_its_own()
    {
        // A trigger on things made each version INSERT a two-table statement, run with a statement journal (migration 15).
        Assert.DoesNotContain("Program", Opcodes(Db, "INSERT INTO things (branch, noun, id, data, deleted, action) VALUES (1, 1, 't', '{}', 0, 1)"));

        var first = Db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
        var second = Db.Things.Update("Startup", "acme", """{"name":"Acme","priority":1}""");

        Assert.Equal(second.Version, Db.Scalar("SELECT version FROM tip WHERE id = 'acme' AND branch = 1"));
        Assert.Equal(first.Version, Db.Scalar($"SELECT prev FROM things WHERE version = {second.Version}"));
    }

    [Fact]
    public void Writes_skip_the_foreign_key_lookups_and_deletions_that_would_orphan_a_row_still_fail_and_change_nothing()
    {
        var written = Db.Things.Create("Startup", "acme", """{"name":"Acme","priority":0}""");
        Assert.Equal(0L, Db.Scalar("PRAGMA foreign_keys")); // each verb's noun and branch ids come from the tables it just read

        var e = Assert.Throws<SqliteException>(() => Db.InCheckedTransaction(() => Db.Execute("DELETE FROM branches WHERE id = 1")));

        Assert.Equal(787, e.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_FOREIGNKEY
        Assert.Equal(1L, Db.Scalar("SELECT count(*) FROM branches WHERE id = 1"));
        Assert.Equal(0L, Db.Scalar("PRAGMA foreign_keys"));
        Assert.Equal(written.Version, Db.Things.Get("Startup", "acme")!.Version);
    }

    [Fact]
    public void A_prepared_statement_writes_each_value_bound_even_when_it_repeats_or_changes_kind()
    {
        Db.Execute("CREATE TABLE probe (n INTEGER PRIMARY KEY, v)");
        var insert = Db.Statement("INSERT INTO probe (n, v) VALUES (?1, ?2)");
        var values = new object?[] { "a", "a", null, null, "a", 5L, 5L, "5", null, 7L, new string('b', 3), "bbb" };
        for (int n = 0; n < values.Length; n++)
        {
            insert.Bind(1, n);
            _ = values[n] switch
            {
                long number => insert.Bind(2, number),
                string text => insert.Bind(2, text),
                _ => insert.Bind(2, (string?)null),
            };
            insert.Execute();
        }

        var stored = Rows(Db, "SELECT v, typeof(v) FROM probe ORDER BY n").Select(r => $"{r[0]}:{r[1]}").ToArray();

        Assert.Equal(["a:text", "a:text", ":null", ":null", "a:text", "5:integer", "5:integer", "5:text", ":null", "7:integer", "bbb:text", "bbb:text"], stored);
    }

    private static List<string> Opcodes(ObjectDatabase db, string sql) => Rows(db, "EXPLAIN " + sql).Select(r => (string)r[1]!).ToList();

    private static List<object?[]> Rows(ObjectDatabase db, string sql)
    {
        using var command = db.Command(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }
}
