// Objects whose verbs call across to another object once both callers hold their own turns: the crossing-call
// (A → B while B → A) scenarios of WaitForGraphTests. Their own namespace keeps their generated members apart.
namespace Do.Tests.Hosting.Crossing;

/// <summary>Lets N callers meet inside their turns, so each holds its object before any calls across.</summary>
public static class Rendezvous
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TaskCompletionSource All, int[] Count)> s_meetings = new();

    public static Task ArriveAsync(string meeting, int expected)
    {
        var (all, count) = s_meetings.GetOrAdd(meeting, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new int[1]));
        if (Interlocked.Increment(ref count[0]) == expected)
        {
            all.TrySetResult();
        }

        return all.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>An object whose object-level verb calls another <see cref="Relay"/> once every caller has arrived.</summary>
public partial class Relay : Business
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Touched = new();

    [Verb]
    public async Task Cross(string other, string meeting, int callers, Context ctx)
    {
        await Rendezvous.ArriveAsync(meeting, callers);
        await ctx.Object<Relay>(other).Touch(meeting);
    }

    [Verb]
    public void Touch(string meeting) => Touched.Enqueue($"{meeting} {Ns}");
}

/// <summary>A thing whose async noun verb calls a baton in another object once every caller has arrived.</summary>
[Noun]
public partial class Baton
{
    public int Passes { get; set; }

    public int Touches { get; set; }

    [Verb(Retries = 0)]
    public async Task Pass(string other, string meeting, int callers, Context ctx)
    {
        await Rendezvous.ArriveAsync(meeting, callers);
        await ctx.Baton(other).Touch();
        Passes++;
    }

    [Verb]
    public void Touch() => Touches++;
}

/// <summary>
/// Reacts to a baton being touched (a synchronous verb, so a group-commit member) by calling its partner object from
/// the handler, inside the group's turn, once both objects' handlers have started.
/// </summary>
public partial class Crossover : Business
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Partner, string Meeting)> Partners = new();

    protected override void Configure(Context ctx) => ctx.On.Subscribe("Baton.touched", async (_, c) =>
    {
        var (partner, meeting) = Partners[c.Ns];
        await Rendezvous.ArriveAsync(meeting, 2);
        await c.Object<Crossover>(partner).Run(_ => true);
    });
}
