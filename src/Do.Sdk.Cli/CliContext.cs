using Spectre.Console;

namespace Do.Cli;

/// <summary>Where a command writes: tables and JSON to <see cref="Out"/>, errors to <see cref="Error"/>.</summary>
/// <param name="Out">The console for results (a test console in tests).</param>
/// <param name="Error">Standard error.</param>
/// <param name="Json">True when <c>--json</c> asked for machine-readable output.</param>
internal sealed record CliContext(IAnsiConsole Out, TextWriter Error, bool Json)
{
    /// <summary>Writes text as it is, without markup or wrapping: JSON must come out byte for byte.</summary>
    public void WriteRaw(string text)
    {
        Out.Profile.Out.Writer.Write(text);
        Out.Profile.Out.Writer.Flush();
    }

    /// <summary>Writes one line of plain text (not markup).</summary>
    public void Line(string text) => Out.WriteLine(text);
}
