using Do.Hosting;
using Do.Storage;

namespace Do.Analytics;

/// <summary>
/// How the stream reaches one object's file for one pass. An active object is reached in its turn, like any call. An
/// inactive one is not woken (no <c>Configure</c>, no activation hooks, and its class need not be loaded in this
/// process): its file is opened on its own for the pass, which WAL allows beside a host that activates it meanwhile.
/// </summary>
internal sealed class OutboxAccess : IDisposable
{
    private readonly ObjectTarget? _target;
    private readonly ObjectDatabase? _file;

    public OutboxAccess(DoHost host, ObjectNamespace ns)
    {
        if (host.IsActive(ns.Value))
        {
            _target = new ObjectTarget(host, ns, null);
            return;
        }

        var entry = host.CatalogEntryOf(ns);
        _file = ObjectDatabase.Open(ObjectPaths.Resolve(host.ColoRoot(entry.Colo), entry.File), ns, host.Options.Synchronous, host.Time);
    }

    public async Task<T> RunAsync<T>(Func<ObjectDatabase, T> work, CancellationToken cancellationToken)
        => _target is not null
            ? await _target.RunAsync(a => ValueTask.FromResult(work(a.Database)), cancellationToken).ConfigureAwait(false)
            : work(_file!);

    public void Dispose() => _file?.Dispose();
}
