using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Do.Benchmarks.Support;

/// <summary>Writes <c>machine.md</c>: what the numbers were measured on.</summary>
public static class MachineInfo
{
    public static void Write(string path)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var text = new StringBuilder()
            .AppendLine("# Machine")
            .AppendLine()
            .AppendLine(FormattableString.Invariant($"Written {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by the benchmark run that produced the results beside it."))
            .AppendLine()
            .AppendLine("| What | Value |")
            .AppendLine("|---|---|")
            .AppendLine(FormattableString.Invariant($"| `nproc` | {Run("nproc").Trim()} |"))
            .AppendLine(FormattableString.Invariant($"| CPU (/proc/cpuinfo) | {cpu} |"))
            .AppendLine(FormattableString.Invariant($"| .NET | {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}) |"))
            .AppendLine(FormattableString.Invariant($"| OS | {RuntimeInformation.OSDescription} |"))
            .AppendLine(FormattableString.Invariant($"| Open files limit | {Run("sh", "-c", "ulimit -n").Trim()} |"))
            .AppendLine()
            .AppendLine("`free -h`:")
            .AppendLine()
            .AppendLine("```")
            .Append(Run("free", "-h"))
            .AppendLine("```")
            .AppendLine()
            .AppendLine("Temp folder (where every benchmark database lives), `df -hT`:")
            .AppendLine()
            .AppendLine("```")
            .Append(Run("df", "-hT", Path.GetTempPath()))
            .AppendLine("```");
        File.WriteAllText(path, text.ToString());
    }

    private static string Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"({file}: {e.Message})\n";
        }
    }
}
