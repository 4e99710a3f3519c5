using System.Text.Json;
using Do.Lifecycle;
using Do.Tests.Support;

namespace Do.Tests.Lifecycle;

public sealed class LifecycleJsonTests : IDisposable
{
    private const string AwkwardColo = "eu \"west\" \\ 1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_move_to_a_colo_whose_name_has_a_quote_and_a_backslash_stores_valid_json_naming_it()
    {
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.File("data");
            o.Colos[AwkwardColo] = _temp.File("eu");
        });
        var obj = host.Object<Business>("https://studio.example");
        await obj.Startups().Create("acme", new Startup { Name = "Acme" });

        await obj.MoveTo(AwkwardColo);
        var file = await obj.DatabasePath();
        await host.DeactivateAsync(obj.Ns);

        var input = (string)Sql.Scalar(file, "SELECT input FROM actions WHERE verb = 'move'")!;
        var data = (string)Sql.Scalar(file, "SELECT data FROM events WHERE type = 'move.completed'")!;
        foreach (var json in new[] { input, data })
        {
            using var document = JsonDocument.Parse(json);
            Assert.Equal(DoHostOptions.DefaultColo, document.RootElement.GetProperty("from").GetString());
            Assert.Equal(AwkwardColo, document.RootElement.GetProperty("to").GetString());
        }
    }

    [Fact]
    public async Task Every_lifecycle_record_in_the_file_is_valid_json()
    {
        string file;
        await using (var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.File("data");
            o.Colos[AwkwardColo] = _temp.File("eu");
        }))
        {
            var obj = host.Object<Business>("https://studio.example");
            await obj.Startups().Create("acme", new Startup { Name = "Acme" });
            await obj.Compact();
            await obj.Branch("experiment");
            await obj.Checkout("experiment");
            await obj.Startup("acme").Prioritize(3);
            await obj.Checkout("main");
            await obj.Merge("experiment");
            await obj.Fork("https://fork.example");
            await obj.MoveTo(AwkwardColo);
            file = await obj.DatabasePath();
        }

        var records = Sql.Rows(file, "SELECT a.verb, a.input, e.data FROM actions AS a JOIN events AS e ON e.action = a.id WHERE a.target = '' ORDER BY a.id");
        Assert.Equal(["compact", "branch", "merge", "fork", "move"], records.Select(r => (string)r[0]!));
        foreach (var record in records)
        {
            using var input = JsonDocument.Parse((string)record[1]!);
            using var data = JsonDocument.Parse((string)record[2]!);
            Assert.Equal(JsonValueKind.Object, input.RootElement.ValueKind);
            Assert.Equal(input.RootElement.GetRawText(), data.RootElement.GetRawText());
        }
    }

    [Fact]
    public void Names_with_quotes_and_backslashes_round_trip_through_every_record_shape()
    {
        const string Name = "a\"b\\c\n";
        var result = new CompactResult(10, 2, 4096, 1024, 1, 1, "/x/archive.jsonl");

        Assert.Equal(Name, Parse(LifecycleJson.Branch(Name, Name, null)).GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Null, Parse(LifecycleJson.Branch(Name, Name, null)).GetProperty("forkVersion").ValueKind);
        Assert.Equal(Name, Parse(LifecycleJson.MergeInput(Name)).GetProperty("branch").GetString());
        Assert.Equal("theirs", Parse(LifecycleJson.Merge(Name, Name, 1, 0, MergeStrategy.Theirs)).GetProperty("strategy").GetString());
        Assert.Equal(3, Parse(LifecycleJson.MergeConflict(Name, 3)).GetProperty("conflicts").GetInt32());
        Assert.Equal(Name, Parse(LifecycleJson.Compact(result, Name)).GetProperty("archive").GetString());
        Assert.Equal(JsonValueKind.Null, Parse(LifecycleJson.Compact(result, null)).GetProperty("archive").ValueKind);
        Assert.Equal(Name, Parse(LifecycleJson.Move(Name, Name)).GetProperty("to").GetString());
        Assert.Equal(Name, Parse(LifecycleJson.ForkTo(Name)).GetProperty("to").GetString());
        Assert.Equal(7, Parse(LifecycleJson.ForkFrom(Name, 7)).GetProperty("things").GetInt32());
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
