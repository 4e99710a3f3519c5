using System;
using System.Linq;
using System.Text;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Writes C# with indentation, so generated files read like hand-written ones without NormalizeWhitespace.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    // Indentation strings by depth, so a line costs one Append for its indent (a cold run writes ~10 MB at 1,000 nouns).
    private static readonly string[] s_indents = [.. Enumerable.Range(0, 16).Select(depth => new string(' ', depth * IndentUnit.Length))];

    // A typical generated file is 2–10 KB: starting near that size saves the builder's chain of growing chunks.
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    /// <summary>Writes one line at the current indentation; a text with line breaks is written line by line.</summary>
    public SourceWriter Line(string text = "")
    {
        int start = 0;
        int end;
        while ((end = text.IndexOf('\n', start)) >= 0)
        {
            // Each line of a multi-line text, without the \r of a \r\n, as if written by its own call.
            Append(text, start, end > start && text[end - 1] == '\r' ? end - 1 - start : end - start);
            start = end + 1;
        }

        Append(text, start, text.Length - start);
        return this;
    }

    private void Append(string text, int start, int count)
    {
        if (count > 0)
        {
            _builder.Append(_indent < s_indents.Length ? s_indents[_indent] : new string(' ', _indent * IndentUnit.Length));
            _builder.Append(text, start, count);
        }

        _builder.Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c>).</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent = Math.Max(0, _indent - 1);
        Line("}" + suffix);
        return this;
    }

    /// <summary>Indents the lines written by the returned scope (for a statement under an un-braced <c>if</c> or a wrapped argument list).</summary>
    public IndentScope Indent()
    {
        _indent++;
        return new IndentScope(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    internal readonly struct IndentScope : IDisposable
    {
        private readonly SourceWriter _writer;

        public IndentScope(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
