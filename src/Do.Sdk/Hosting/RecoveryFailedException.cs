namespace Do;

/// <summary>
/// Some objects that were active when the previous process stopped could not be recovered at start-up (their class is
/// no longer registered, their file is unreadable, …). <see cref="DoHost.Recovered"/> faults with it; the host keeps
/// running, and each listed object is recovered again — its undispatched events delivered, its open actions resumed —
/// by its next call. <see cref="AggregateException.InnerExceptions"/> holds each object's error, in the order of
/// <see cref="Objects"/>.
/// </summary>
public sealed class RecoveryFailedException : AggregateException
{
    /// <summary>Creates the exception from each object's namespace and error.</summary>
    public RecoveryFailedException(IReadOnlyList<(string Namespace, Exception Error)> failures)
        : base(Describe(failures), failures.Select(f => f.Error))
    {
        Objects = [.. failures.Select(f => f.Namespace)];
    }

    /// <summary>The namespaces of the objects that could not be recovered.</summary>
    public IReadOnlyList<string> Objects { get; }

    private static string Describe(IReadOnlyList<(string Namespace, Exception Error)> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"Recovering {failures.Count} object(s) failed; each is recovered again by its next call: "
            + string.Join("; ", failures.Select(f => $"{f.Namespace}: {f.Error.Message}"));
    }
}
