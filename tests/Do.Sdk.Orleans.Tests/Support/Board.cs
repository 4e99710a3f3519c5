using System.Collections.Concurrent;

namespace Do.Orleans.Tests.Support;

/// <summary>A counter: each increment is one version, one action and one <c>Counter.incremented</c> event.</summary>
[Noun]
public partial class Counter
{
    public int Value { get; set; }

    [Verb] public void Increment(int by = 1) => Value += by;
}

/// <summary>A note written by a verb, so tests can see which object's turn ran it.</summary>
[Noun]
public partial class Note
{
    public string Text { get; set; } = "";
}

/// <summary>A card with searchable text, for search and relationships on the cluster.</summary>
[Noun]
public partial class Card
{
    [Searchable] public string Title { get; set; } = "";
}

/// <summary>
/// A parcel shipped by a durable verb whose first run, per parcel, never returns: it hangs on the silo the test then
/// kills, leaving the action pending in the object's file. Every later run (the resume) ships it.
/// </summary>
[Noun]
public partial class Parcel
{
    /// <summary>How many times Ship started for "{ns}/{id}".</summary>
    public static readonly ConcurrentDictionary<string, int> Runs = new(StringComparer.Ordinal);

    public bool Shipped { get; set; }

    [Verb]
    public async Task Ship(string key, Context ctx)
    {
        if (Runs.AddOrUpdate(key, 1, static (_, n) => n + 1) == 1)
        {
            // Ignores cancellation on purpose: this run must never reach its commit, as if its process had died.
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        Shipped = true;
    }
}

/// <summary>A ball that, sent to another object, calls back the object it came from.</summary>
[Noun]
public partial class Ball
{
    public int Returns { get; set; }

    public int Kicks { get; set; }

    /// <summary>A group-committed verb; <see cref="Board"/>'s handler of <c>Ball.kicked</c> relays to a partner object.</summary>
    [Verb] public void Kick() => Kicks++;

    [Verb]
    public async Task Back(string origin, string key, Context ctx)
    {
        await ctx.Object<Board>(origin).Mark(key);
        Returns++;
    }
}

/// <summary>The clustered object of the tests: counters with a handler that counts its runs, and a verb that calls across objects.</summary>
public partial class Board : Business
{
    /// <summary>How often the handler ran for "{ns} {value}": once per event.</summary>
    public static readonly ConcurrentDictionary<string, int> Handled = new(StringComparer.Ordinal);

    /// <summary>The object a board's <c>Ball.kicked</c> handler relays to, by the board's namespace.</summary>
    public static readonly ConcurrentDictionary<string, string> KickPartners = new(StringComparer.Ordinal);

    protected override void Configure(Context ctx)
    {
        ctx.On.Counter.Incremented((counter, ctx) =>
        {
            Handled.AddOrUpdate($"{ctx.Ns} {counter.Value}", 1, static (_, n) => n + 1);
            return Task.CompletedTask;
        });

        // Runs inside the turn of the group commit that wrote the kick; the partner's relay calls back this object.
        ctx.On.Ball.Kicked(async (_, ctx) =>
        {
            if (KickPartners.TryGetValue(ctx.Ns, out var partner))
            {
                await ctx.Object<Board>(partner).Relay(ctx.Ns, 1);
            }
        });
    }

    /// <summary>What <see cref="Bounce"/> and <see cref="Mark"/> did, in order, by key.</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Bounces = new(StringComparer.Ordinal);

    /// <summary>Gates by key that <see cref="Bounce"/> holds its turn on; the test opens them.</summary>
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> BounceGates = new(StringComparer.Ordinal);

    /// <summary>Sends a ball to <paramref name="other"/> (<c>AsSend()</c>), which calls <see cref="Mark"/> here; holds this turn until the test opens the gate.</summary>
    [Verb]
    public async Task Bounce(string other, string key, Context ctx)
    {
        await ctx.Object<Board>(other).Ball(key).AsSend().Back(ctx.Ns, key);
        Bounces[key].Enqueue("bounce sent");
        await BounceGates[key].Task;
        Bounces[key].Enqueue("bounce done");
    }

    [Verb]
    public void Mark(string key) => Bounces[key].Enqueue("mark");

    /// <summary>Writes a note here, then hands the relay to <paramref name="other"/>, which hands it back: A → B → A → B …</summary>
    [Verb]
    public async Task Relay(string other, int hops, Context ctx)
    {
        await ctx.Notes.Create($"hop-{hops}", new Note { Text = $"hop {hops} in {ctx.Ns}" });
        if (hops > 0)
        {
            await ctx.Object<Board>(other).Relay(ctx.Ns, hops - 1);
        }
    }
}

/// <summary>Another object class, to address an existing Board as the wrong class.</summary>
public partial class Other : Business
{
}
