using Do.Storage;
using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Storage;

public sealed class ObjectDatabaseTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public void A_noun_read_before_anything_of_it_is_written_is_looked_up_once_and_gets_its_key_when_written()
    {
        var lookups = 0;
        SQLitePCL.raw.sqlite3_trace(_test.Db.Connection.Handle, (SQLitePCL.strdelegate_trace)((_, sql) =>
        {
            if (sql.Contains("FROM nouns WHERE name", StringComparison.Ordinal))
            {
                lookups++;
            }
        }), null);

        Assert.Null(_test.Db.Things.Get("Ghost", "g1"));
        Assert.Null(_test.Db.Things.Get("Ghost", "g2"));
        Assert.Null(_test.Db.FindNounId("Ghost"));
        Assert.Equal(1, lookups); // the absent noun is remembered: reads of it do not prepare the lookup again

        _test.Db.Things.Create("Ghost", "g1", Acme);
        Assert.Equal(Sql.Scalar(_test.Path, "SELECT id FROM nouns WHERE name = 'Ghost'"), _test.Db.FindNounId("Ghost"));
        Assert.Equal("Acme", System.Text.Json.JsonDocument.Parse(_test.Db.Things.Get("Ghost", "g1")!.Data!).RootElement.GetProperty("name").GetString());
        SQLitePCL.raw.sqlite3_trace(_test.Db.Connection.Handle, (SQLitePCL.strdelegate_trace?)null, null);
    }

    [Fact]
    public void A_noun_schema_that_fails_half_way_counts_as_a_write_so_a_group_rolls_it_back()
    {
        // SQLite's count of changed rows leaves DDL out. A group member that failed after its noun's view was created
        // would look like one that wrote nothing, and the group would commit the half-made schema with the others.
        var db = _test.Db;
        var broken = new Do.Infrastructure.NounInfo("Broken", "Brokens", null, [], [], ["""CREATE VIEW IF NOT EXISTS "Broken" AS SELECT 1 AS one""", """CREATE INDEX "ix_Broken_X" ON no_such_table (x)"""]);
        db.NounId("Broken");
        db.BeginGroup();
        var before = db.ChangeMark;

        Assert.Throws<SqliteException>(() => db.EnsureNoun(broken));

        Assert.NotEqual(before, db.ChangeMark);
        db.RollbackGroup();
        Assert.Null(db.Scalar("SELECT name FROM sqlite_master WHERE name = 'Broken'"));
    }

    [Fact]
    public void A_statement_is_prepared_once_whether_its_sql_is_a_constant_or_the_same_text_built_at_run_time()
    {
        const string Insert = "INSERT INTO meta (key, value) VALUES (?1, ?2)";
        const string Read = "SELECT value FROM meta WHERE key = $key";
        var insertBuilt = string.Concat("INSERT INTO meta (key, value) ", "VALUES (?1, ?2)"); // the same text, another string
        var readBuilt = string.Concat("SELECT value FROM meta ", "WHERE key = $key");
        Assert.NotSame(Insert, insertBuilt);

        var statement = _test.Db.Statement(Insert);
        Assert.Same(statement, _test.Db.Statement(insertBuilt));
        Assert.Same(statement, _test.Db.Statement(Insert));
        var command = _test.Db.Command(readBuilt);
        Assert.Same(command, _test.Db.Command(Read));
        Assert.Same(command, _test.Db.Command(readBuilt));
        Assert.Single(_test.Db.CachedSql, sql => sql == Insert);
        Assert.Single(_test.Db.CachedSql, sql => sql == Read);

        // And it runs as prepared, by either string.
        _test.Db.InTransaction(() => _test.Db.Statement(insertBuilt).Bind(1, "probe").Bind(2, "42").Execute());
        Assert.Equal("42", _test.Db.Command(Read).Bind("$key", "probe").ExecuteScalar());
    }

    [Fact]
    public void Open_NewFile_AppliesEveryMigration_InWalMode()
    {
        Assert.Equal(Enumerable.Range(1, Do.Storage.ObjectSchema.Migrations.Length), Do.Storage.ObjectSchema.Migrations.Select(m => m.Version)); // dense, in order
        Assert.Equal(Do.Storage.ObjectSchema.Migrations.Length, _test.Db.MigrationsApplied);
        Assert.Equal(Do.Storage.ObjectSchema.Migrations[^1].Version, _test.Db.SchemaVersion);
        Assert.Equal((long)Do.Storage.ObjectSchema.Migrations[^1].Version, Sql.Scalar(_test.Path, "PRAGMA user_version"));
        Assert.Equal("wal", Sql.Scalar(_test.Path, "PRAGMA journal_mode"));
        Assert.Equal(
            Do.Storage.ObjectSchema.Migrations.Select(m => new object?[] { (long)m.Version, m.Name, TestDatabase.Start.ToUnixTimeMilliseconds() }).ToList(),
            Sql.Rows(_test.Path, "SELECT version, name, applied_at FROM schema_migrations"));
        Assert.Equal("https://startups.studio", Sql.Scalar(_test.Path, "SELECT value FROM meta WHERE key = 'ns'"));
        Assert.Equal(["main"], _test.Db.Branches.Names());
        Assert.Equal(_test.Path, _test.Db.Path);
        Assert.Equal(_test.Namespace, _test.Db.Namespace);
    }

    [Fact]
    public void Reopen_RunsNoMigration_AndLeavesTheMigrationLogAlone()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        var migrations = Sql.Rows(_test.Path, "SELECT * FROM schema_migrations");
        _test.Time.Advance(TimeSpan.FromDays(1));

        var db = _test.Reopen();
        db.Dispose();
        db = _test.Reopen();

        Assert.Equal(0, db.MigrationsApplied);
        Assert.Equal(Do.Storage.ObjectSchema.Migrations[^1].Version, db.SchemaVersion);
        Assert.Equal((long)Do.Storage.ObjectSchema.Migrations[^1].Version, Sql.Scalar(_test.Path, "PRAGMA user_version"));
        Assert.Equal(migrations, Sql.Rows(_test.Path, "SELECT * FROM schema_migrations"));
        Assert.NotNull(db.Things.Get("Startup", "acme"));
    }

    [Fact]
    public void Open_SameFileTwice_BothConnectionsWork()
    {
        using var second = ObjectDatabase.Open(_test.Path, _test.Namespace, SynchronousMode.Normal, _test.Time);

        _test.Db.Things.Create("Startup", "acme", Acme);

        Assert.Equal(0, second.MigrationsApplied);
        Assert.NotNull(second.Things.Get("Startup", "acme"));
    }

    [Fact]
    public void Open_FileOwnedByAnotherNamespace_IsRefused()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Db.Dispose();
        var before = Sql.Snapshot(_test.Path);

        var e = Assert.Throws<StorageException>(() => ObjectDatabase.Open(_test.Path, ObjectNamespace.Parse("https://evil.example"), time: _test.Time));

        Assert.Contains("https://startups.studio", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://evil.example", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Fact]
    public void Open_FileWithNewerSchema_IsRefused()
    {
        _test.Db.Dispose();
        Sql.Scalar(_test.Path, "PRAGMA user_version = 99");

        var e = Assert.Throws<StorageException>(() => ObjectDatabase.Open(_test.Path, _test.Namespace, time: _test.Time));

        Assert.Contains("99", e.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade Do.Sdk", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SynchronousMode.Off, 0L)]
    [InlineData(SynchronousMode.Normal, 1L)]
    [InlineData(SynchronousMode.Full, 2L)]
    [InlineData(SynchronousMode.Extra, 3L)]
    public void Open_AppliesTheSynchronousMode(SynchronousMode mode, long pragma)
    {
        using var temp = new TempFolder();
        using var db = ObjectDatabase.Open(temp.File("x.db"), _test.Namespace, mode);

        Assert.Equal(pragma, db.Scalar("PRAGMA synchronous"));
    }

    [Fact]
    public void Open_RejectsMissingArguments()
    {
        Assert.Throws<ArgumentException>(() => ObjectDatabase.Open("", _test.Namespace));
        Assert.Throws<ArgumentNullException>(() => ObjectDatabase.Open(_test.Path, null!));
    }

    [Fact]
    public void InTransaction_CommitsAndReturnsTheResult()
    {
        var version = _test.Db.InTransaction(() =>
        {
            _test.Db.Things.Create("Startup", "acme", Acme);
            _test.Db.Relationships.Link("acme", "founded-by", "alice");
            return _test.Db.Things.Update("Startup", "acme", Acme).Version;
        });

        Assert.Equal(version, _test.Db.Things.Get("Startup", "acme")!.Version);
        Assert.Equal(2, Sql.Count(_test.Path, "things"));
        Assert.Equal(1, Sql.Count(_test.Path, "relationships"));
    }

    [Fact]
    public void InTransaction_ExceptionAfterWrites_LeavesTheDatabaseAsItWas()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Db.Search.Index("Startup", "acme", "Acme rockets");
        var before = Sql.Snapshot(_test.Path);

        var e = Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            _test.Db.Things.Update("Startup", "acme", """{"name":"Acme 2","priority":1}""");
            _test.Db.Things.Create("Startup", "globex", Acme);
            _test.Db.Things.Delete("Startup", "acme");
            _test.Db.Things.Create("Customer", "alice", """{"name":"Alice"}""");
            _test.Db.Relationships.Link("alice", "owns", "globex");
            _test.Db.Objects.Link(ObjectNamespace.Parse("https://parent.example"), "Business", ObjectStore.ParentRole);
            _test.Db.Search.Index("Startup", "globex", "Globex");
            _test.Db.Events.Emit("Studio.audited");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", e.Message);
        Assert.Equal(before, Sql.Snapshot(_test.Path));
        Assert.Equal(Acme, _test.Db.Things.Get("Startup", "acme")!.Data);
    }

    [Fact]
    public void InTransaction_Nested_JoinsTheOuter_SoAnOuterFailureUndoesInnerWrites()
    {
        var before = Sql.Snapshot(_test.Path);

        Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            _test.Db.InTransaction(() => _test.Db.Things.Create("Startup", "acme", Acme));
            throw new InvalidOperationException("after the inner commit point");
        }));

        Assert.Equal(before, Sql.Snapshot(_test.Path));
    }

    [Fact]
    public void InTransaction_RolledBackNounIntern_DoesNotPoisonLaterWrites()
    {
        // The first write of a noun interns it; if that transaction rolls back, the noun must be interned again.
        Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            _test.Db.Things.Create("Customer", "alice", """{"name":"Alice"}""");
            throw new InvalidOperationException("boom");
        }));

        _test.Db.Things.Create("Customer", "alice", """{"name":"Alice"}""");

        Assert.Equal(["Customer"], Sql.Rows(_test.Path, "SELECT name FROM nouns").Select(r => r[0]));
        Assert.NotNull(_test.Db.Things.Get("Customer", "alice"));
    }

    [Fact]
    public void InTransaction_AfterAFailure_TheNextTransactionWorks()
    {
        Assert.Throws<ThingAlreadyExistsException>(() => _test.Db.InTransaction(() =>
        {
            _test.Db.Things.Create("Startup", "acme", Acme);
            _test.Db.Things.Create("Startup", "acme", Acme);
        }));

        _test.Db.InTransaction(() => _test.Db.Things.Create("Startup", "acme", Acme));

        Assert.Equal(1, Sql.Count(_test.Path, "things"));
    }

    [Fact]
    public void Dispose_ClosesTheFile_AndIsIdempotent()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);

        _test.Db.Dispose();
        _test.Db.Dispose();

        Assert.False(File.Exists(_test.Path + "-wal"));
        Assert.Throws<ObjectDisposedException>(() => _test.Db.Things.Get("Startup", "acme"));
        Assert.Throws<ObjectDisposedException>(() => _test.Db.InTransaction(() => { }));
        Assert.Equal(1L, Sql.ExclusiveCount(_test.Path, "things"));
    }

    [Fact]
    public void WhileOpen_TheFileCannotBeLockedExclusively()
    {
        // Proves the check used after Dispose (and after a host stops) can see a file left open.
        _test.Db.Things.Create("Startup", "acme", Acme);

        Assert.Throws<SqliteException>(() => Sql.ExclusiveCount(_test.Path, "things"));
    }

    [Fact]
    public void Open_NotADatabase_Throws()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("x.db"), "this is not a database, just some text that is long enough to have a header");

        Assert.Throws<SqliteException>(() => ObjectDatabase.Open(temp.File("x.db"), _test.Namespace));
    }
}
