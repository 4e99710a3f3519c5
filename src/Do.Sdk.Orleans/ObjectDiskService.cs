using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>A silo's <see cref="IObjectDiskService"/>: answers from the catalog of the silo's own object runtime.</summary>
internal sealed class ObjectDiskService(GrainId id, Silo host, ILoggerFactory loggerFactory, DurableObjectsSilo silo)
    : GrainService(id, host, loggerFactory), IObjectDiskService
{
    public Task<bool> Holds(string ns) => Task.FromResult(silo.Host.Holds(ObjectNamespace.Parse(ns)));

    public Task<bool> Release(string ns) => Task.FromResult(silo.Host.ReleaseObject(ObjectNamespace.Parse(ns)));
}
