namespace Do.Hosting;

/// <summary>What a client or typed accessor points at: a host, a namespace and, when known, the object's class.</summary>
internal sealed class ObjectTarget(DoHost host, ObjectNamespace ns, ObjectClassInfo? objectClass)
{
    public DoHost Host { get; } = host;

    public ObjectNamespace Namespace { get; } = ns;

    /// <summary>The expected class; null when the catalog must say (a cross-object ref by URL).</summary>
    public ObjectClassInfo? Class { get; } = objectClass;

    public Task<T> RunAsync<T>(Func<ObjectActivation, ValueTask<T>> work, CancellationToken cancellationToken)
        => Host.RunAsync(this, work, cancellationToken);

    public ObjectTarget Retarget(ObjectNamespace other) => new(Host, other, null);
}
