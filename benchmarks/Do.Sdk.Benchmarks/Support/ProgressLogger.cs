using BenchmarkDotNet.Loggers;

namespace Do.Benchmarks.Support;

/// <summary>Quick mode's console: one line per benchmark case and any error, instead of BenchmarkDotNet's full log.</summary>
public sealed class ProgressLogger : ILogger
{
    private bool _show;

    public string Id => nameof(ProgressLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text)
    {
        if (logKind == LogKind.Error || text.StartsWith("// Benchmark: ", StringComparison.Ordinal))
        {
            Console.Write(text);
            _show = true;
        }
    }

    public void WriteLine()
    {
        if (_show)
        {
            Console.WriteLine();
            _show = false;
        }
    }

    public void WriteLine(LogKind logKind, string text)
    {
        Write(logKind, text);
        WriteLine();
    }

    public void Flush() => Console.Out.Flush();
}
