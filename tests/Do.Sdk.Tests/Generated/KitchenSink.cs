// Generated nouns and objects beyond the issue program: every property type, an async verb taking Context, and
// object-level verbs. Their own namespace keeps their extension members apart from the other tests'.
namespace Do.Tests.Generated.KitchenSink;

public enum Stage { Idea, Seed, Growth }

[Flags]
public enum Perks { None = 0, Remote = 1, Equity = 2 }

public sealed class Address
{
    public string Street { get; set; } = "";

    public string? City { get; set; }
}

public sealed record Money(decimal Amount, string Currency);

public struct Point
{
    public double X { get; set; }

    public double Y { get; set; }
}

[Noun]
public partial class Everything
{
    public bool Flag { get; set; }
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Short { get; set; }
    public ushort UShort { get; set; }
    public int Int { get; set; }
    public uint UInt { get; set; }
    public long Long { get; set; }
    public ulong ULong { get; set; }
    public float Float { get; set; }
    public double Double { get; set; }
    public decimal Decimal { get; set; }
    public char Char { get; set; }
    [Indexed] public string Text { get; set; } = "";
    public string? MaybeText { get; set; }
    public DateTime When { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid Key { get; set; }
    public TimeSpan Duration { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Time { get; set; }
    public Stage Stage { get; set; }
    public Perks Perks { get; set; }
    public int? MaybeInt { get; set; }
    public Stage? MaybeStage { get; set; }
    public List<int> Numbers { get; set; } = [];
    public string[] Names { get; set; } = [];
    public IReadOnlyList<Guid> Keys { get; set; } = [];
    public List<List<int>> Grid { get; set; } = [];
    public List<int?>? Sparse { get; set; }
    public Address Home { get; set; } = new();
    public Address? Work { get; set; }
    public Money Price { get; set; } = new(0m, "EUR");
    public Point Location { get; set; }
    public Point? Target { get; set; }
    public int Untouched { get; set; } = 42;
}

[Noun]
public partial class Rocket
{
    public string Name { get; set; } = "";

    public DateTimeOffset? LaunchedAt { get; set; }

    public List<string> Log { get; set; } = [];

    [Verb(Retries = 2)]
    public async Task Launch(Context ctx, string pad = "A")
    {
        await Task.Yield();
        LaunchedAt = ctx.Now;
        Log.Add($"launched from {pad} in {ctx.Ns}");
    }
}

public partial class Console : App
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Calls = new();

    [Verb] public void Reset(int level = 1) => Calls.Enqueue($"{Ns} reset {level}");

    [Verb] public async Task Announce(string message, Context ctx)
    {
        await ctx.Rockets.Create(message, new Rocket { Name = message });
        Calls.Enqueue($"{Ns} announced {message}");
    }
}
