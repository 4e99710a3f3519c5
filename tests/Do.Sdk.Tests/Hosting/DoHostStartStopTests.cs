using Do.Tests.Support;

namespace Do.Tests.Hosting;

/// <summary>Starting and stopping: recovery failures are reported through Recovered; every async call is cancellable.</summary>
public sealed class DoHostStartStopTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Plain : Business
    {
    }

    [Fact]
    public async Task Recovered_faults_with_every_object_that_could_not_be_recovered_and_the_host_keeps_serving()
    {
        const string broken = "https://broken.example";
        const string healthy = "https://healthy.example";
        string file;
        await using (var first = await DoHost.StartAsync(o => o.DataPath = _temp.Path))
        {
            file = await first.Object<Plain>(broken).DatabasePath();
            await first.Object<Plain>(healthy).Run(_ => true);
        }

        // As after a crash: the object is marked as holding pending work, and its file is unreadable.
        using (var catalog = Sql.Open(Path.Combine(_temp.Path, "catalog.db")))
        using (var command = catalog.CreateCommand())
        {
            command.CommandText = $"UPDATE objects SET has_pending = 1 WHERE ns = '{broken}'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        await File.WriteAllTextAsync(file, "this is not a SQLite database, it is long enough to fail its header check for sure.");

        await using var second = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        var error = await Assert.ThrowsAsync<RecoveryFailedException>(() => second.Recovered.WaitAsync(Wait.Guard));

        Assert.Equal([broken], error.Objects);
        Assert.Single(error.InnerExceptions);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.True(await second.Object<Plain>(healthy).Run(_ => true));
    }

    [Fact]
    public async Task Recovered_completes_when_every_pending_object_recovers()
    {
        await using (var first = await DoHost.StartAsync(o => o.DataPath = _temp.Path))
        {
            await first.Object<Plain>("https://fine.example").Run(_ => true);
        }

        await using var second = await DoHost.StartAsync(o => o.DataPath = _temp.Path);

        await second.Recovered.WaitAsync(Wait.Guard);
        Assert.True(second.Recovered.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task DeactivateAsync_with_a_cancelled_token_leaves_the_object_active()
    {
        const string ns = "https://active.example";
        await using var host = await DoHost.StartAsync(o => o.DataPath = _temp.Path);
        await host.Object<Plain>(ns).Run(_ => true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.DeactivateAsync(ns, new CancellationToken(canceled: true)));

        Assert.True(host.IsActive(ns));
        Assert.True(await host.DeactivateAsync(ns, CancellationToken.None));
        Assert.False(host.IsActive(ns));
    }

    [Fact]
    public async Task StartAsync_with_invalid_options_fails_its_task_without_touching_the_disk()
    {
        var folder = _temp.File("never");

        var starting = DoHost.StartAsync(o =>
        {
            o.DataPath = folder;
            o.CallTimeout = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() => starting);
        Assert.Contains("CallTimeout", Assert.Single(error.Errors), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
