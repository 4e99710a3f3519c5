using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>Handing an object's file from one host's disk to another's (Orleans' per-silo disks build on it).</summary>
public sealed class DoHostHandoverTests : IDisposable
{
    private readonly TempFolder _from = new();
    private readonly TempFolder _to = new();

    public void Dispose()
    {
        _from.Dispose();
        _to.Dispose();
    }

    private sealed class Studio : Business
    {
    }

    [Fact]
    public async Task An_exported_file_imported_on_another_host_keeps_data_and_history_and_the_old_host_lets_go()
    {
        var ns = Journal.NewNamespace("handover");
        var parsed = ObjectNamespace.Parse(ns);
        await using var from = await DoHost.StartAsync(o => o.DataPath = _from.Path);
        await using var to = await DoHost.StartAsync(o => o.DataPath = _to.Path);
        await from.Object<Studio>(ns).Startups().Create("acme", new Startup { Name = "Acme" });
        await from.Object<Studio>(ns).Startup("acme").Prioritize(3);

        var active = Assert.Throws<InvalidOperationException>(() => from.ExportObject(parsed));
        Assert.Contains(ns, active.Message, StringComparison.Ordinal);
        Assert.True(await from.DeactivateAsync(ns));
        var (objectClass, database) = from.ExportObject(parsed);
        to.ImportObject(parsed, objectClass, database);
        Assert.True(from.ReleaseObject(parsed));

        var acme = await to.Object<Studio>(ns).Startup("acme").Get();
        Assert.Equal(3, acme.Priority);
        Assert.Equal(2, (await to.Object<Studio>(ns).Startup("acme").History()).Count);
        Assert.True(to.Holds(parsed));
        Assert.False(from.Holds(parsed));
        Assert.Empty(from.Catalog());
        Assert.Single(Directory.GetFiles(Path.Combine(from.DataPath, DoHost.HandedOverFolder)));
        Assert.False(from.ReleaseObject(parsed));
    }
}
