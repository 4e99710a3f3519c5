using Do.Tests.Support;

// In the program's own namespace: the hand-written nouns of Do.Tests.Support have the same names.
namespace Do.Tests.Generated.IssueProgram;

/// <summary>
/// An <c>[Indexed]</c> property (the issue program's <c>Customer.Email</c>) gets an index over its own noun's rows only:
/// a filter on the noun's view reads it, and writes of other nouns never touch it. Real files, read with SQLite after the
/// host has closed them.
/// </summary>
public sealed class IndexedPropertyTests
{
    private const string Ns = "https://startups.studio/indexed";
    private const string ByEmail = """SELECT id FROM "Customer" WHERE Email = 'bob@example.com'""";

    [Fact]
    public async Task A_filter_on_an_indexed_property_reads_its_index_and_finds_the_current_version()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.Path, startups: 3);

        Assert.Equal(["bob"], Sql.Rows(path, ByEmail).Select(r => (string)r[0]!));
        Assert.Empty(Sql.Rows(path, """SELECT id FROM "Customer" WHERE Email = 'bob@old.example.com'"""));
        var plan = string.Join('\n', Sql.Rows(path, "EXPLAIN QUERY PLAN " + ByEmail).Select(r => r[3]));
        Assert.Contains("ix_Customer_Email", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_of_other_nouns_add_nothing_to_the_index()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.Path, startups: 40);

        // One entry per version of a customer (alice; bob created, then moved to a new address), none for the 40
        // startups' 160 and more versions.
        Assert.InRange(Sql.Count(path, "things", $"noun = {NounKey(path, "Startup")}"), 160L, long.MaxValue);
        Assert.Equal(3L, IndexEntries(path, "ix_Customer_Email"));
    }

    [Fact]
    public async Task A_file_with_an_older_sdks_index_over_every_noun_gets_the_partial_one()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.Path, startups: 10);
        using (var connection = Sql.Open(path))
        {
            // What an SDK before the partial indexes left in the file: one index over every row of every noun.
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP INDEX "ix_Customer_Email";
                CREATE INDEX "ix_Customer_Email" ON things (noun, json_extract(data, '$.email'));
                UPDATE nouns SET schema_hash = 'older' WHERE name = 'Customer';
                """;
            command.ExecuteNonQuery();
        }

        Assert.Equal(Sql.Count(path, "things"), IndexEntries(path, "ix_Customer_Email"));

        await using (var host = await DoHost.StartAsync(o => o.DataPath = temp.Path))
        {
            await host.Object<Studio>(Ns).Customers.Create("carol", new Customer { Name = "Carol", Email = "carol@example.com" });
        }

        var definition = (string)Sql.Scalar(path, "SELECT sql FROM sqlite_master WHERE name = 'ix_Customer_Email'")!;
        Assert.EndsWith($"WHERE noun = {NounKey(path, "Customer")}", definition, StringComparison.Ordinal);
        Assert.Equal(4L, IndexEntries(path, "ix_Customer_Email"));
        Assert.Equal(["bob"], Sql.Rows(path, ByEmail).Select(r => (string)r[0]!));
        Assert.Equal(["alice", "bob", "carol"], Sql.Rows(path, """SELECT id FROM "Customer" ORDER BY id""").Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task An_index_that_did_not_change_is_kept_when_the_nouns_schema_runs_again()
    {
        using var temp = new TempFolder();
        var path = await WriteAsync(temp.Path, startups: 2);
        Assert.Equal(3L, IndexEntries(path, "ix_Customer_Email")); // ANALYZE leaves the index's statistics in the file
        Sql.Scalar(path, "UPDATE nouns SET schema_hash = 'older' WHERE name = 'Customer'"); // as when the view changes

        await using (var host = await DoHost.StartAsync(o => o.DataPath = temp.Path))
        {
            await host.Object<Studio>(Ns).Customers.Create("carol", new Customer { Name = "Carol", Email = "carol@example.com" });
        }

        // Dropping the index would have dropped its statistics with it.
        Assert.Equal(1L, Sql.Count(path, "sqlite_stat1", "idx = 'ix_Customer_Email'"));
        Assert.NotEqual("older", (string)Sql.Scalar(path, "SELECT schema_hash FROM nouns WHERE name = 'Customer'")!);
    }

    /// <summary>
    /// Two customers (bob's email changed once) and <paramref name="startups"/> startups with four versions each, in one
    /// object; returns its file once the host has closed it.
    /// </summary>
    private static async Task<string> WriteAsync(string data, int startups)
    {
        await using var host = await DoHost.StartAsync(o => o.DataPath = data);
        var studio = host.Object<Studio>(Ns);
        await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
        await studio.Customers.Create("bob", new Customer { Name = "Bob", Email = "bob@old.example.com" });
        await studio.Customers.Update("bob", new Customer { Name = "Bob", Email = "bob@example.com" });
        for (int i = 0; i < startups; i++)
        {
            await studio.Startups.Create("s" + i, new Startup { Name = "Startup " + i });
            for (int v = 0; v < 3; v++)
            {
                await studio.Startup("s" + i).Prioritize(1);
            }
        }

        return await studio.DatabasePath();
    }

    private static long NounKey(string path, string noun) => (long)Sql.Scalar(path, $"SELECT id FROM nouns WHERE name = '{noun}'")!;

    /// <summary>The entries of an index: <c>ANALYZE</c> counts them, the first figure of the statistics it stores.</summary>
    private static long IndexEntries(string path, string index)
    {
        var stat = (string)Sql.Scalar(path, $"""ANALYZE "{index}"; SELECT stat FROM sqlite_stat1 WHERE idx = '{index}'""")!;
        return long.Parse(stat.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
