using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

/// <summary>
/// Every read of the version chain starts from <c>tip</c> or from a walk and reaches <c>things</c> by version: SQLite's
/// query plan never scans the version log or builds an automatic index for one read, on main, on a branch of a branch
/// and at a checked-out version, with and without statistics (<c>ANALYZE</c>, which a user's tool may run on the file).
/// A plan that scans <c>things</c> makes a read cost as much as the whole log: the cost a user notices as a slow object.
/// </summary>
public sealed class ChainQueryPlanTests : IDisposable
{
    private const string Noun = "Startup";
    private static readonly string[] ThingsAliases = ["t", "cur", "things"];
    private readonly TestDatabase _test = new();

    private ObjectDatabase Db => _test.Db;

    public void Dispose() => _test.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chain_reads_never_scan_the_version_log(bool analyzed)
    {
        Db.EnsureNounSchema(Startup.Noun);
        Db.Execute($"""CREATE INDEX IF NOT EXISTS "ix_Startup_Priority" ON things (noun, json_extract(data, '$.priority')) WHERE noun = {Db.NounId(Noun)}""");
        Db.InTransaction(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Db.Things.Create(Noun, "t" + i, Json(i));
            }

            for (int i = 0; i < 2000; i++)
            {
                Db.Things.Update(Noun, "t" + (i % 50), Json(i));
            }
        });
        Db.Lifecycle.Branch("x");
        Db.Lifecycle.Checkout("x");
        Db.Lifecycle.Branch("y");
        Db.Lifecycle.Checkout("y");
        Db.Things.Update(Noun, "t1", Json(1));
        if (analyzed)
        {
            Db.Execute("ANALYZE");
        }

        var y = Db.Branches.Current;
        (string View, BranchScope Scope)[] scopes =
        [
            ("main", Db.Branches.Scope(ObjectSchema.MainBranch)),
            ("y", Db.Branches.Scope(y)),
            ("y@v100", Db.Branches.Scope(y, cap: 100)),
        ];
        foreach (var (view, scope) in scopes)
        {
            foreach (var (name, sql) in new[]
            {
                ("listing", ThingStore.ListSql(scope)),
                ("history", ThingStore.HistorySql(scope)),
                ("HEAD", ThingStore.ScopedHeadSql(scope)),
                ("@~1", ThingStore.PreviousSql(scope)),
                ("@~N", ThingStore.NthSql(scope)),
                ("a point in time", ThingStore.AsOfSql(scope)),
                ("every HEAD", $"WITH RECURSIVE {ThingStore.HeadsOf(scope, "1")} SELECT t.data FROM heads AS h CROSS JOIN things AS t ON t.version = h.version"),
            })
            {
                AssertNoScanOfThings($"{name} on {view}", sql, command =>
                {
                    scope.Bind(command);
                    command.Bind("$noun", Db.NounId(Noun)).Bind("$id", "t1").Bind("$back", 7).Bind("$time", 0L);
                });
            }
        }

        AssertNoScanOfThings("HEAD on main", ThingStore.MainHeadSql, command => command.Bind("$noun", Db.NounId(Noun)).Bind("$id", "t1"));
        AssertNoScanOfThings("the heads view", "SELECT * FROM heads", _ => { });
        AssertNoScanOfThings("the noun view", """SELECT * FROM "Startup" """, _ => { });
        AssertNoScanOfThings("the noun view by id", """SELECT * FROM "Startup" WHERE id = 't7'""", _ => { });
    }

    private void AssertNoScanOfThings(string read, string sql, Action<Microsoft.Data.Sqlite.SqliteCommand> bind)
    {
        using var command = Db.Connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        bind(command);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // Every read names things "t" (and "cur"): a scan of it, or an index SQLite builds over it for this one read.
        Assert.False(
            plan.Any(step => ThingsAliases.Any(alias => step == "SCAN " + alias || step.StartsWith("SCAN " + alias + " ", StringComparison.Ordinal)
                                                     || step.StartsWith("SEARCH " + alias + " USING AUTOMATIC", StringComparison.Ordinal))),
            $"{read} scans the version log:\n{string.Join('\n', plan)}");
    }

    private static string Json(int priority) => $$"""{"name":"Acme","priority":{{priority}},"tags":[]}""";
}
