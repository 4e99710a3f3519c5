namespace Do;

/// <summary>A merge found conflicts and wrote nothing. <see cref="Conflicts"/> lists every conflicting thing and field.</summary>
public sealed class MergeConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MergeConflictException(string ns, string branch, string target, IReadOnlyList<MergeConflict> conflicts)
        : base(Format(ns, branch, target, conflicts))
    {
        Branch = branch;
        Conflicts = conflicts;
    }

    /// <summary>Rebuilds the exception a server raised, with its message, from its problem document.</summary>
    internal MergeConflictException(Client.RemoteProblem problem, IReadOnlyList<MergeConflict> conflicts)
        : base(problem.Detail)
    {
        Branch = problem.String("branch");
        Conflicts = conflicts;
    }

    /// <summary>The branch that was being merged.</summary>
    public string Branch { get; }

    /// <summary>Every conflict, with base, ours and theirs.</summary>
    public IReadOnlyList<MergeConflict> Conflicts { get; }

    private static string Format(string ns, string branch, string target, IReadOnlyList<MergeConflict> conflicts)
    {
        var lines = conflicts.Select(c => $"  - {c.Noun} {c.Id}.{c.Field}: base {c.Base ?? "(absent)"}, ours {c.Ours ?? "(absent)"}, theirs {c.Theirs ?? "(absent)"}");
        return $"Merging \"{branch}\" into \"{target}\" of {ns} conflicts in {conflicts.Count} field(s); nothing was written. "
            + "Resolve with Merge(branch, MergeStrategy.Ours) or MergeStrategy.Theirs, or change one side first:"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
