using Do;

namespace StartupStudio;

/// <summary>Someone the studio works with.</summary>
[Noun]
public partial class Customer
{
    public string Name { get; set; } = "";

    [Indexed]
    public string Email { get; set; } = "";
}

/// <summary>Where a startup is in its life.</summary>
public enum Stage
{
    Idea,
    Building,
    Launched,
}

/// <summary>A company the studio builds.</summary>
[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";

    public Stage Stage { get; set; }

    public int Priority { get; set; }

    public List<string> Tags { get; set; } = new();

    /// <summary>A pure state transition: one version, one action, one event, in one transaction.</summary>
    [Verb]
    public void Prioritize(int by = 1) => Priority += by;

    [Verb]
    public void Tag(string tag) => Tags.Add(tag);

    /// <summary>An effectful verb: persisted before it runs, retried if it fails, resumed after a crash.</summary>
    [Verb(Retries = 3)]
    public async Task Launch(Context ctx)
    {
        await Task.Delay(10, ctx.CancellationToken); // stands in for calling the outside world, keyed by ctx.ActionId
        Stage = Stage.Launched;
    }
}
