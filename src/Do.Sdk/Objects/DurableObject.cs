namespace Do;

/// <summary>
/// The base of every durable object. An object is identified by its namespace URL, owns one SQLite database, and
/// runs one turn at a time. Subclasses declare behaviour in <see cref="Configure"/> (event handlers, schedules)
/// and may declare <c>[Verb]</c> methods of their own. Subclasses must be <c>partial</c> so the generator can add
/// their registration.
/// </summary>
public abstract class DurableObject
{
    private Context? _context;

    /// <summary>The object's namespace, e.g. <c>https://startups.studio</c>. Set before <see cref="Configure"/> runs.</summary>
    public ObjectNamespace Namespace => Context.Namespace;

    /// <summary>The object's namespace URL as text.</summary>
    public string Ns => Namespace.Value;

    /// <summary>The object's context; available from <see cref="Configure"/> on.</summary>
    /// <exception cref="InvalidOperationException">The object has not been activated by a host.</exception>
    protected internal Context Context
        => _context ?? throw new InvalidOperationException($"{GetType().Name} is not active: objects are created and activated by a DoHost (host.Object<{GetType().Name}>(ns)).");

    /// <summary>The kind of object, used for the Business → App → Site hierarchy.</summary>
    internal virtual ObjectKind Kind => ObjectKind.Object;

    /// <summary>Declares the object's behaviour: <c>ctx.On...</c> handlers and <c>ctx.Every...</c> schedules. Runs at each activation.</summary>
    protected virtual void Configure(Context ctx)
    {
    }

    /// <summary>Runs after <see cref="Configure"/> when the object is activated, inside its first turn.</summary>
    protected virtual ValueTask OnActivateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs when the object is deactivated (idle, evicted, or the host stopping), inside its last turn.</summary>
    protected virtual ValueTask OnDeactivateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    internal void Attach(Context context) => _context = context;

    internal void RunConfigure(Context context)
    {
        ConfigureBuiltIns(context);
        Configure(context);
    }

    // What a base class such as Agent declares for every subclass, whether or not it calls base.Configure.
    internal virtual void ConfigureBuiltIns(Context context)
    {
    }

    internal ValueTask RunActivateAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);

    internal ValueTask RunDeactivateAsync(CancellationToken cancellationToken) => OnDeactivateAsync(cancellationToken);
}
