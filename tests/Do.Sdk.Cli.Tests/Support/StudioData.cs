using Do.Tests.Support;

namespace Do.Cli.Tests.Support;

/// <summary>
/// A data folder with a running host, shared by the read-only tests: the tool reads it while the host holds it open,
/// as an operator would. https://startups.studio has acme (3 versions), beta, a customer also named acme, a failed
/// action, and a dead letter.
/// </summary>
public sealed class StudioData : IAsyncLifetime
{
    public const string Ns = "https://startups.studio";

    private readonly TempFolder _temp = new();

    public string DataPath => Path.Combine(_temp.Path, "data");

    public string TempPath => _temp.Path;

    public DoHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DoHost.StartAsync(o =>
        {
            o.DataPath = DataPath;
            o.Actions.HandlerRetries = 0;
        });
        var studio = Host.Object<Studio>(Ns);
        await studio.Startups.Create("acme", new Startup { Name = "Acme" });
        await studio.Startup("acme").Prioritize(2);
        await studio.Startup("acme").Prioritize(3);
        await studio.Startups.Create("beta", new Startup { Name = "Beta [labs]" });
        await Assert.ThrowsAsync<ActionFailedException>(() => studio.Startup("beta").Launch());
        await studio.Customers.Create("acme", new Customer { Name = "Acme Corp (refuse mail)" });
        await studio.Customers.Create("zed", new Customer { Name = "Zed" });
        await Host.Object<Studio>("https://other.example").Startups.Create("solo", new Startup { Name = "Solo" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _temp.Dispose();
    }
}
