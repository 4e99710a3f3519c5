namespace Do;

/// <summary>A write was attempted while a read-only view (a version or a point in time) is checked out.</summary>
public sealed class DetachedWriteException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DetachedWriteException(string ns, string checkedOut, string branch)
        : base($"{ns} has the read-only view {checkedOut} checked out, so it cannot be written. Check out a branch to write (e.g. Checkout(\"{branch}\")), or Branch(name) from a branch head.")
    {
        Namespace = ns;
        CheckedOut = checkedOut;
    }

    /// <summary>Rebuilds the exception a server raised, with its message, from its problem document.</summary>
    internal DetachedWriteException(Client.RemoteProblem problem)
        : base(problem.Detail)
    {
        Namespace = problem.String("namespace");
        CheckedOut = problem.String("checkedOut");
    }

    /// <summary>The object's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The view that is checked out, e.g. <c>@v12</c>.</summary>
    public string CheckedOut { get; }
}
