using Do.Hosting;

namespace Do.Lifecycle;

/// <summary>The lifecycle operations shared by <see cref="ObjectClient"/> and <see cref="Context"/>, each one turn of the object.</summary>
internal static class ObjectLifecycle
{
    public static Task<string> Branch(ObjectTarget target, string name, CancellationToken cancellationToken)
        => Traced(target, "branch", () => target.RunAsync(a => ValueTask.FromResult(a.Database.Lifecycle.Branch(name)), cancellationToken));

    public static Task<string> Checkout(ObjectTarget target, string reference, CancellationToken cancellationToken)
        => Traced(target, "checkout", () => target.RunAsync(a => ValueTask.FromResult(a.Database.Lifecycle.Checkout(reference)), cancellationToken));

    public static Task<string> DeleteBranch(ObjectTarget target, string name, bool force, CancellationToken cancellationToken)
        => target.RunAsync(a => ValueTask.FromResult(a.Database.Lifecycle.DeleteBranch(name, force)), cancellationToken);

    public static Task<IReadOnlyList<string>> Branches(ObjectTarget target, CancellationToken cancellationToken)
        => target.RunAsync(a => ValueTask.FromResult(a.Database.Branches.Names()), cancellationToken);

    public static Task<string> CheckedOut(ObjectTarget target, CancellationToken cancellationToken)
        => target.RunAsync(a => ValueTask.FromResult(a.Database.Branches.CheckedOut), cancellationToken);

    public static Task<MergeResult> Merge(ObjectTarget target, string branch, MergeStrategy strategy, CancellationToken cancellationToken)
        => Traced(target, "merge", () => target.RunAsync(
            async a =>
            {
                var result = a.Database.Lifecycle.Merge(branch, strategy, out var conflicts);
                if (conflicts.Count > 0 && strategy == MergeStrategy.None)
                {
                    // Nothing was written, so the conflict event lives in memory only: handlers see it, the file does not change.
                    var data = LifecycleJson.MergeConflict(branch, conflicts.Count);
                    await a.DispatchTransientAsync(new EventRecord { Sequence = 0, Type = "merge.conflict", Source = a.Namespace.Value, Data = data, At = a.Host.Time.GetUtcNow() }).ConfigureAwait(false);
                    throw new MergeConflictException(a.Namespace.Value, branch, result.Target, conflicts);
                }

                return result;
            },
            cancellationToken));

    public static Task<CompactResult> Compact(ObjectTarget target, bool force, CancellationToken cancellationToken)
        => Traced(target, "compact", () => target.RunAsync(a => ValueTask.FromResult(a.Database.Lifecycle.Compact(force)), cancellationToken));

    public static Task<string> MoveTo(ObjectTarget target, string colo, CancellationToken cancellationToken)
        => Traced(target, "move", () => target.RunAsync(a => ValueTask.FromResult(a.MoveTo(colo)), cancellationToken));

    public static async Task<ObjectTarget> Fork(ObjectTarget target, ObjectNamespace destination, CancellationToken cancellationToken)
    {
        using var span = Telemetry.DoTelemetry.Start("do.lifecycle", target.Namespace);
        span?.SetTag(Telemetry.DoTelemetry.OperationTag, "fork");
        var objectClass = await target.RunAsync(
            a =>
            {
                a.Host.CreateFork(a.Namespace, destination, a.ClassInfo, ForkSnapshot.Read(a.Database, a.Database.Lifecycle.Snapshot()));
                a.Database.InTransaction(() =>
                {
                    a.Database.Objects.Link(destination, a.ClassInfo.Name, "fork");
                    a.Database.Lifecycle.Record("fork", LifecycleJson.ForkTo(destination.Value), "fork.completed");
                });
                return ValueTask.FromResult(a.ClassInfo);
            },
            cancellationToken).ConfigureAwait(false);
        Telemetry.DoTelemetry.Complete(span);
        return new ObjectTarget(target.Host, destination, objectClass);
    }

    /// <summary>Runs a lifecycle operation inside a <c>do.lifecycle</c> span; straight through when nobody listens.</summary>
    private static Task<T> Traced<T>(ObjectTarget target, string operation, Func<Task<T>> run)
        => Telemetry.DoTelemetry.Source.HasListeners() ? TracedAsync(target, operation, run) : run();

    private static async Task<T> TracedAsync<T>(ObjectTarget target, string operation, Func<Task<T>> run)
    {
        using var span = Telemetry.DoTelemetry.Start("do.lifecycle", target.Namespace);
        span?.SetTag(Telemetry.DoTelemetry.OperationTag, operation);
        try
        {
            var result = await run().ConfigureAwait(false);
            Telemetry.DoTelemetry.Complete(span);
            return result;
        }
        catch (Exception e)
        {
            Telemetry.DoTelemetry.Fail(span, e);
            throw;
        }
    }
}
