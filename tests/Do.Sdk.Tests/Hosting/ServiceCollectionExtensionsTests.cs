using Do.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Hosting;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Studio : Business
    {
    }

    private HostApplicationBuilder Builder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _temp.Path });
        builder.Logging.ClearProviders();
        return builder;
    }

    [Fact]
    public async Task AddDurableObjects_RegistersOneHost_ThatStopsWithTheApplication()
    {
        var builder = Builder();
        builder.Services.AddDurableObjects(o => o.DataPath = _temp.File("data"));
        using var app = builder.Build();
        await app.StartAsync();

        var host = app.Services.GetRequiredService<DoHost>();
        Assert.Same(host, app.Services.GetRequiredService<DoHost>());
        Assert.Equal(_temp.File("data"), host.DataPath);
        var studio = host.Object<Studio>("https://startups.studio");
        await studio.Startups().Create("acme", new Startup { Name = "Acme" });
        var file = await studio.DatabasePath();

        await app.StopAsync();

        Assert.Throws<ObjectDisposedException>(() => host.Object<Studio>("https://startups.studio"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => studio.Startups().List());
        Assert.Equal(1, Sql.ExclusiveCount(file, "things"));
    }

    [Fact]
    public void AddDurableObjects_UsesTheContainersTimeProviderAndLoggerFactory()
    {
        var time = new FakeTimeProvider();
        var builder = Builder();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddDurableObjects(o => o.DataPath = _temp.Path);
        using var app = builder.Build();

        var host = app.Services.GetRequiredService<DoHost>();

        Assert.Same(time, host.Options.TimeProvider);
        Assert.Same(app.Services.GetRequiredService<ILoggerFactory>(), host.Options.LoggerFactory);
    }

    [Fact]
    public void AddDurableObjects_ConfigureWinsOverTheContainer()
    {
        var mine = new FakeTimeProvider();
        var builder = Builder();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = _temp.Path;
            o.TimeProvider = mine;
        });
        using var app = builder.Build();

        Assert.Same(mine, app.Services.GetRequiredService<DoHost>().Options.TimeProvider);
    }

    [Fact]
    public async Task AddDurableObjects_WithInvalidOptions_FailsAtStart_ListingEveryProblem()
    {
        var builder = Builder();
        builder.Services.AddDurableObjects(o =>
        {
            o.DataPath = "";
            o.MaxActiveObjects = 0;
        });
        using var app = builder.Build();

        var e = await Assert.ThrowsAsync<InvalidOptionsException>(() => app.StartAsync());

        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public async Task DisposingTheApplication_WithoutStopping_ClosesTheHost()
    {
        var builder = Builder();
        builder.Services.AddDurableObjects(o => o.DataPath = _temp.Path);
        var app = builder.Build();
        var host = app.Services.GetRequiredService<DoHost>();
        var file = await host.Object<Studio>("https://startups.studio").DatabasePath();

        app.Dispose();

        Assert.Throws<ObjectDisposedException>(() => host.Object<Studio>("https://startups.studio"));
        Assert.Equal(0, Sql.ExclusiveCount(file, "things"));
    }

    [Fact]
    public async Task APlainServiceProvider_CanBeDisposedSynchronously()
    {
        var services = new ServiceCollection();
        services.AddDurableObjects(o => o.DataPath = _temp.Path);
        string file;
        DoHost host;
        using (var provider = services.BuildServiceProvider())
        {
            host = provider.GetRequiredService<DoHost>();
            file = await host.Object<Studio>("https://startups.studio").DatabasePath();
        }

        Assert.Throws<ObjectDisposedException>(() => host.Object<Studio>("https://startups.studio"));
        Assert.Equal(0, Sql.ExclusiveCount(file, "things"));
    }

    [Fact]
    public void AddDurableObjects_RejectsNullServices()
    {
        Assert.Throws<ArgumentNullException>(() => DoServiceCollectionExtensions.AddDurableObjects(null!));
    }
}
