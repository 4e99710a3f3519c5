using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Tests.Snapshots;

/// <summary>
/// Snapshot checks in Verify's file layout, until Verify.Xunit can be restored: each generated file is compared with
/// <c>{Class}.{Method}#{HintName}.verified.cs</c> next to the test file. A mismatch writes
/// <c>.received.cs</c> beside it and fails with a diff.
/// <para>
/// To accept: <c>DO_ACCEPT_SNAPSHOTS=1 dotnet test tests/Do.Sdk.Generators.Tests</c> (writes verified files and
/// removes stale ones), or run <c>tests/Do.Sdk.Generators.Tests/accept-snapshots.sh</c> to rename received to verified.
/// </para>
/// </summary>
internal static class SnapshotAssert
{
    private const string AcceptVariable = "DO_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// The real path of a test source file. A deterministic CI build (<c>ContinuousIntegrationBuild</c>) maps source
    /// paths to <c>/_/…</c>; those are resolved against the repository root found above the test assembly.
    /// </summary>
    internal static string SourcePath(string callerFilePath)
    {
        if (File.Exists(callerFilePath))
        {
            return callerFilePath;
        }

        var relative = callerFilePath.Replace('\\', '/');
        relative = relative.StartsWith("/_/", StringComparison.Ordinal) ? relative[3..] : relative.TrimStart('/');
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Cannot find the test source {callerFilePath} above {AppContext.BaseDirectory}; snapshots live next to it.");
    }

    public static void Matches(GeneratorDriverRunResult result, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        var directory = Path.GetDirectoryName(SourcePath(testFile))!;
        var prefix = $"{Path.GetFileNameWithoutExtension(testFile)}.{method}#";
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var failures = new StringBuilder();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        var generated = result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(generated);
        foreach (var source in generated)
        {
            var stem = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            var verified = Path.Combine(directory, prefix + stem + ".verified.cs");
            var received = Path.Combine(directory, prefix + stem + ".received.cs");
            expectedFiles.Add(verified);
            var actual = Normalize(source.SourceText.ToString());
            var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (expected == actual)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, actual);
            failures.AppendLine(expected is null
                ? $"New snapshot {Path.GetFileName(verified)} ({actual.Split('\n').Length} lines); written to .received.cs."
                : $"{Path.GetFileName(verified)} differs (- verified, + received):\n{Diff(expected, actual)}");
        }

        foreach (var stale in Directory.GetFiles(directory, prefix + "*.verified.cs").Where(f => !expectedFiles.Contains(f)))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                failures.AppendLine($"{Path.GetFileName(stale)} is no longer generated; delete it (or accept snapshots).");
            }
        }

        if (failures.Length > 0)
        {
            Assert.Fail(failures + $"\nTo accept: {AcceptVariable}=1 dotnet test tests/Do.Sdk.Generators.Tests (or tests/Do.Sdk.Generators.Tests/accept-snapshots.sh).");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A line diff (longest common subsequence) showing changed lines with one line of context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', y + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        int shown = 0;
        for (int k = 0; k < lines.Count && shown < 80; k++)
        {
            bool near = lines[k].Mark != ' '
                || (k > 0 && lines[k - 1].Mark != ' ')
                || (k + 1 < lines.Count && lines[k + 1].Mark != ' ');
            if (near)
            {
                output.AppendLine($"{lines[k].Mark} {lines[k].Line,4}: {lines[k].Text}");
                shown++;
            }
        }

        return output.ToString();
    }
}
