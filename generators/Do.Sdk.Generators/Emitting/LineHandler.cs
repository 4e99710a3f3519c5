using System.Runtime.CompilerServices;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Writes an interpolated <see cref="SourceWriter.Line(ref LineHandler)"/> piece by piece into the writer's buffer.
/// Building each line's string first was half of what a cold run allocates at 1,000 nouns (28 of 49 MB in the emitters,
/// issue 12), and every such collection also copies the generated text that survives it.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref struct LineHandler
{
    private readonly SourceWriter _writer;

    public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        _writer = writer;
    }

    public void AppendLiteral(string value) => _writer.Append(value);

    public void AppendFormatted(string? value) => _writer.Append(value ?? "");

    // The same text string interpolation writes for other values: their ToString(), empty for null.
    public void AppendFormatted<T>(T value) => _writer.Append(value?.ToString() ?? "");
}
