using System.Text.Json;

namespace Do.Lifecycle;

/// <summary>
/// The JSON that lifecycle operations store as their action's input and their event's data, one method per record
/// shape. Written with <see cref="Utf8JsonWriter"/> because names come from users: a branch or colo called
/// <c>a"b\c</c> must still produce valid JSON.
/// </summary>
internal static class LifecycleJson
{
    /// <summary><c>branch.created</c>: <c>{"branch":…,"from":…,"forkVersion":…}</c>.</summary>
    public static string Branch(string branch, string from, long? forkVersion)
        => NounJson.WriteObject((branch, from, forkVersion), static (w, s) =>
        {
            w.WriteString("branch", s.branch);
            w.WriteString("from", s.from);
            WriteNumberOrNull(w, "forkVersion", s.forkVersion);
        });

    /// <summary>The input of each write a merge makes: <c>{"branch":…}</c>.</summary>
    public static string MergeInput(string branch)
        => NounJson.WriteObject(branch, static (w, b) => w.WriteString("branch", b));

    /// <summary><c>merge.completed</c>: <c>{"branch":…,"into":…,"changed":…,"resolved":…,"strategy":…}</c>.</summary>
    public static string Merge(string branch, string into, int changed, int resolved, MergeStrategy strategy)
        => NounJson.WriteObject((branch, into, changed, resolved, strategy), static (w, s) =>
        {
            w.WriteString("branch", s.branch);
            w.WriteString("into", s.into);
            w.WriteNumber("changed", s.changed);
            w.WriteNumber("resolved", s.resolved);
            w.WriteString("strategy", s.strategy.ToString().ToLowerInvariant());
        });

    /// <summary><c>merge.conflict</c>: <c>{"branch":…,"conflicts":…}</c>.</summary>
    public static string MergeConflict(string branch, int conflicts)
        => NounJson.WriteObject((branch, conflicts), static (w, s) =>
        {
            w.WriteString("branch", s.branch);
            w.WriteNumber("conflicts", s.conflicts);
        });

    /// <summary><c>compact.completed</c>: row and byte counts before and after, and the archive's file name or null.</summary>
    public static string Compact(CompactResult result, string? archiveFile)
        => NounJson.WriteObject((result, archiveFile), static (w, s) =>
        {
            w.WriteNumber("rowsBefore", s.result.RowsBefore);
            w.WriteNumber("rowsAfter", s.result.RowsAfter);
            w.WriteNumber("bytesBefore", s.result.BytesBefore);
            w.WriteNumber("bytesAfter", s.result.BytesAfter);
            if (s.archiveFile is null)
            {
                w.WriteNull("archive");
            }
            else
            {
                w.WriteString("archive", s.archiveFile);
            }
        });

    /// <summary><c>branch.deleted</c>: <c>{"branch":…,"discardedVersions":n}</c>.</summary>
    public static string BranchDeleted(string branch, long discardedVersions)
        => NounJson.WriteObject((branch, discardedVersions), static (w, s) =>
        {
            w.WriteString("branch", s.branch);
            w.WriteNumber("discardedVersions", s.discardedVersions);
        });

    /// <summary><c>move.completed</c>: <c>{"from":…,"to":…}</c>, colo names.</summary>
    public static string Move(string from, string to)
        => NounJson.WriteObject((from, to), static (w, s) =>
        {
            w.WriteString("from", s.from);
            w.WriteString("to", s.to);
        });

    /// <summary><c>fork.completed</c> in the source object: <c>{"to":…}</c>.</summary>
    public static string ForkTo(string to)
        => NounJson.WriteObject(to, static (w, t) => w.WriteString("to", t));

    /// <summary><c>fork.created</c> in the new object: <c>{"from":…,"things":…}</c>.</summary>
    public static string ForkFrom(string from, int things)
        => NounJson.WriteObject((from, things), static (w, s) =>
        {
            w.WriteString("from", s.from);
            w.WriteNumber("things", s.things);
        });

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
