using Do.Hosting;
using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>A running host holds its data folder's host.lock shared; a tool that writes the files takes it exclusively.</summary>
public sealed class HostLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunningHost_KeepsToolsFromTakingTheFolder_UntilItStops()
    {
        var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        Assert.Null(HostLock.TryHoldExclusive(_temp.Path));

        await host.DisposeAsync();
        using var held = HostLock.TryHoldExclusive(_temp.Path);
        Assert.NotNull(held);
    }

    [Fact]
    public async Task TwoHostsOnOneFolder_BothStart_TheLockIsShared()
    {
        await using var first = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        await using var second = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        Assert.Null(HostLock.TryHoldExclusive(_temp.Path));
    }

    [Fact]
    public async Task HostStart_WhileAToolWrites_FailsSayingWhy()
    {
        using var tool = HostLock.TryHoldExclusive(_temp.Path);
        Assert.NotNull(tool);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DoHost.StartAsync(o => o.DataPath = _temp.Path));

        Assert.Contains(_temp.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("do compact", e.Message, StringComparison.Ordinal);
    }
}
