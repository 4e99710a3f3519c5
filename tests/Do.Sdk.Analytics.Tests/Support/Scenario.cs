using Do.Tests.Support;

namespace Do.Analytics.Tests.Support;

/// <summary>A known set of verbs across objects: per object two creates and three Prioritize calls.</summary>
public static class Scenario
{
    public static readonly string[] Objects = ["https://a.example", "https://b.example", "https://c.example"];

    public const int EventsPerObject = 5;

    public static async Task RunAsync(DoHost host, IEnumerable<string>? objects = null)
    {
        foreach (var ns in objects ?? Objects)
        {
            var obj = host.Object<Business>(ns);
            await obj.Startups().Create("acme", new Startup { Name = "Acme" });
            await obj.Startups().Create("beta", new Startup { Name = "Beta" });
            for (int i = 0; i < 3; i++)
            {
                await obj.Startup("acme").Prioritize();
            }
        }
    }
}
