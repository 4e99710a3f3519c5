namespace Do.AspNetCore.Tests;

[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";

    public int Priority { get; set; }

    public List<string> Tags { get; set; } = new();

    [Verb] public void Prioritize(int by = 1) => Priority += by;

    [Verb] public void Tag(string tag) => Tags.Add(tag);

    /// <summary>Fails every attempt, with a message the caller should see.</summary>
    [Verb(Retries = 0)]
    public Task Launch(Context ctx) => throw new InvalidOperationException($"the launch pad for {Name} is on fire");
}

/// <summary>A person behind startups: searchable by name, related to startups.</summary>
[Noun]
public partial class Founder
{
    [Searchable] public string Name { get; set; } = "";
}

public partial class Studio : Business
{
}
