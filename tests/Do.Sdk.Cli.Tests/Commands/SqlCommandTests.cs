using System.Security.Cryptography;
using System.Text.Json;
using Do.Cli.Tests.Support;

namespace Do.Cli.Tests.Commands;

[Collection(StudioCollection.Name)]
public sealed class SqlCommandTests(StudioData data)
{
    [Fact]
    public async Task Sql_Json_ReturnsRowsAsObjects()
    {
        var result = await DoTool.SucceedAsync("sql", StudioData.Ns, "SELECT noun, id, json_extract(data, '$.priority') AS priority FROM heads WHERE noun = 'Startup' ORDER BY id", "--json", "--data", data.DataPath);

        using var json = JsonDocument.Parse(result.Output);
        var rows = json.RootElement.EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("priority").GetInt64())).ToList();
        Assert.Equal([("acme", 5L), ("beta", 0L)], rows);
    }

    [Fact]
    public async Task Sql_Table_PrintsColumns()
    {
        var result = await DoTool.SucceedAsync("sql", StudioData.Ns, "SELECT count(*) AS things FROM heads", "--data", data.DataPath);

        Assert.Contains("things", result.Output, StringComparison.Ordinal);
        Assert.Contains("4", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM things")]
    [InlineData("UPDATE things SET data = NULL")]
    [InlineData("CREATE TABLE x (y)")]
    public async Task Sql_WriteStatement_IsRefused_AndTheFileIsUnchanged(string statement)
    {
        var before = await Fingerprint();

        var error = await DoTool.FailAsync("sql", StudioData.Ns, statement, "--data", data.DataPath);

        Assert.Contains("only reads", error, StringComparison.Ordinal);
        Assert.Contains(statement, error, StringComparison.Ordinal);
        Assert.Equal(before, await Fingerprint());
    }

    [Fact]
    public async Task Sql_BadQuery_NamesTheQueryAndSQLiteReason()
    {
        var error = await DoTool.FailAsync("sql", StudioData.Ns, "SELECT * FROM nope", "--data", data.DataPath);

        Assert.Contains("SELECT * FROM nope", error, StringComparison.Ordinal);
        Assert.Contains("no such table: nope", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_BadNamespace_ReusesTheRuntimeMessage()
    {
        var error = await DoTool.FailAsync("sql", "startups.studio", "SELECT 1", "--data", data.DataPath);

        Assert.Contains("startups.studio", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_OverUrl_SaysItNeedsTheDataFolder()
    {
        var error = await DoTool.FailAsync("sql", StudioData.Ns, "SELECT 1", "--url", "http://127.0.0.1:9");

        Assert.Contains("--data", error, StringComparison.Ordinal);
    }

    // The rows, read through the host, that a write would have changed.
    private async Task<string> Fingerprint()
    {
        var rows = await DoTool.SucceedAsync("sql", StudioData.Ns, "SELECT (SELECT count(*) FROM things) || ':' || (SELECT group_concat(data) FROM things) || ':' || (SELECT count(*) FROM sqlite_master) AS f", "--json", "--data", data.DataPath);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rows.Output)));
    }
}
