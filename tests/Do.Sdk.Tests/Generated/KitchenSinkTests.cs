using Do.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Do.Tests.Generated.KitchenSink;

/// <summary>Generated serializers, schema SQL, async verbs and object-level verbs on the embedded host.</summary>
public sealed class KitchenSinkTests
{
    private static Everything Sample() => new()
    {
        Flag = true,
        Byte = 200,
        SByte = -5,
        Short = -300,
        UShort = 60000,
        Int = -70000,
        UInt = 4_000_000_000,
        Long = -9_000_000_000_000,
        ULong = 18_000_000_000_000_000_000,
        Float = 1.5f,
        Double = 2.25,
        Decimal = 79228162514264337593543950.335m,
        Char = 'ü',
        Text = "héllo \"quoted\"",
        MaybeText = null,
        When = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
        At = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(2)),
        Key = Guid.Parse("0198f6a4-0000-7000-8000-000000000001"),
        Duration = TimeSpan.FromMinutes(90.5),
        Day = new DateOnly(2026, 2, 28),
        Time = new TimeOnly(13, 45, 30, 250),
        Stage = Stage.Growth,
        Perks = Perks.Remote | Perks.Equity,
        MaybeInt = 7,
        MaybeStage = null,
        Numbers = [1, 2, 3],
        Names = ["a", "b"],
        Keys = [Guid.Empty],
        Grid = [[1], [2, 3]],
        Sparse = [1, null, 3],
        Home = new Address { Street = "Main", City = null },
        Work = new Address { Street = "Dock", City = "Lyon" },
        Price = new Money(12.5m, "USD"),
        Location = new Point { X = 1, Y = -1 },
        Target = new Point { X = 2, Y = 3 },
    };

    [Fact]
    public void Every_property_type_round_trips_through_the_generated_serializer()
    {
        var original = Sample();

        var json = NounJson.Serialize(original);
        var copy = NounJson.Deserialize<Everything>(json);

        Assert.Equal(json, NounJson.Serialize(copy));
        Assert.Equal(original.Decimal, copy.Decimal);
        Assert.Equal(original.At, copy.At);
        Assert.Equal(original.Time, copy.Time);
        Assert.Equal(original.Perks, copy.Perks);
        Assert.Equal([1, null, 3], copy.Sparse!);
        Assert.Equal("Lyon", copy.Work!.City);
        Assert.Equal(new Money(12.5m, "USD"), copy.Price);
        Assert.Contains("\"stage\":\"Growth\"", json, StringComparison.Ordinal);
        Assert.Contains("\"perks\":\"3\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_skips_unknown_properties_and_keeps_defaults_for_missing_ones()
    {
        var copy = NounJson.Deserialize<Everything>("""{"unknown":{"deep":[1,{"x":2}]},"int":5,"stage":1,"home":null,"names":null}""");

        Assert.Equal(5, copy.Int);
        Assert.Equal(Stage.Seed, copy.Stage);
        Assert.Equal(42, copy.Untouched);
        Assert.Equal("", copy.Home.Street);
        Assert.Empty(copy.Names);
    }

    [Fact]
    public async Task The_generated_view_and_index_serve_plain_sql()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var client = host.Object<Console>("https://ops.example/sql");
        var sample = Sample();
        await client.Everythings.Create("one", sample);
        sample.Int = 99;
        await client.Everythings.Update("one", sample);
        var path = await client.DatabasePath();

        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var view = connection.CreateCommand();
        view.CommandText = "SELECT id, \"Int\", \"Stage\", \"Text\", \"Flag\" FROM \"Everything\"";
        using var reader = view.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("one", reader.GetString(0));
        Assert.Equal(99, reader.GetInt64(1));
        Assert.Equal("Growth", reader.GetString(2));
        Assert.Equal(sample.Text, reader.GetString(3));
        Assert.Equal(1, reader.GetInt64(4));
        Assert.False(reader.Read());
        using var index = connection.CreateCommand();
        index.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_Everything_Text'";
        Assert.Equal(1L, (long)index.ExecuteScalar()!);
    }

    [Fact]
    public async Task An_async_verb_receives_the_context_and_its_typed_event_fires()
    {
        using var temp = new Support.TempFolder();
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var client = host.Object<Console>("https://ops.example/rockets");
        await client.Rockets.Create("r1", new Rocket { Name = "R1" });

        await client.Rocket("r1").Launch("B");
        await client.InvokeVerb("Rocket", "r1", "Launch", null);

        var rocket = await client.Rocket("r1").Get();
        Assert.NotNull(rocket.LaunchedAt);
        Assert.Equal(["launched from B in https://ops.example/rockets", "launched from A in https://ops.example/rockets"], rocket.Log);
        Assert.Equal(2, RocketVerbs.Launch.Retries);
        Assert.True(RocketVerbs.Launch.IsAsync);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Rocket("r1@~1").Launch());
    }

    [Fact]
    public async Task Object_level_verbs_are_typed_on_the_client_and_dispatchable_by_name()
    {
        using var temp = new Support.TempFolder();
        const string ns = "https://ops.example/console";
        await using var host = await DoHost.StartAsync(o => o.DataPath = temp.Path);
        var client = host.Object<Console>(ns);

        await client.Reset(3);
        await client.Announce("hello");
        await client.InvokeObjectVerb("Reset", "{\"level\":7}");
        await client.InvokeObjectVerb("Reset");
        var info = DoRegistry.FindObject(typeof(Console).FullName!)!;

        Assert.Contains($"{ns} reset 3", Console.Calls);
        Assert.Contains($"{ns} announced hello", Console.Calls);
        Assert.Contains($"{ns} reset 7", Console.Calls);
        Assert.Contains($"{ns} reset 1", Console.Calls);
        await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeObjectVerb("Launch"));
        Assert.Equal("hello", (await client.Rocket("hello").Get()).Name);
        Assert.Equal(["Reset", "Announce"], info.Verbs.Select(v => v.Name));
        Assert.Equal(typeof(Console), info.Type);
    }
}
