using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Writes C# with indentation, so generated files read like hand-written ones without NormalizeWhitespace.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    // Indentation strings by depth, so a line costs one Append for its indent (a cold run writes ~10 MB at 1,000 nouns).
    private static readonly string[] s_indents = [.. Enumerable.Range(0, 16).Select(depth => new string(' ', depth * IndentUnit.Length))];

    // Larger files are not kept: a builder past this many chars would hold its memory for the rest of the build.
    private const int MaxCachedCapacity = 64 * 1024;

    // One builder per thread, reused file after file: a cold run at 1,000 nouns writes ~10 MB of source, and a fresh
    // builder per file allocated it twice (chunks, then the string), which showed as GC time in the profile.
    [ThreadStatic]
    private static StringBuilder? t_cached;

    private readonly StringBuilder _builder;
    private int _indent;

    // Whether the current line has text (and so its indent) yet, where that text starts, and how long its indent is.
    private bool _lineOpen;
    private int _lineTextStart;
    private int _lineIndentLength;

    public SourceWriter()
    {
        // A typical generated file is 4–16 KB: starting near that size saves the builder's chain of growing chunks.
        _builder = t_cached ?? new StringBuilder(16 * 1024);
        t_cached = null;
    }

    /// <summary>Writes one line at the current indentation; a text with line breaks is written line by line.</summary>
    public SourceWriter Line(string text = "")
    {
        Append(text);
        return EndLine();
    }

    /// <summary>Writes one interpolated line, as <see cref="Line(string)"/> writes the string it would make, without making it.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _ = line; // its pieces are already written into this writer
        return EndLine();
    }

    /// <summary>
    /// Appends text to the current line: each line of it is indented unless empty, and a line break inside it (<c>\n</c>
    /// or <c>\r\n</c>) ends a line, so a line written in pieces comes out as the same line written at once.
    /// </summary>
    internal void Append(string text)
    {
        int start = 0;
        int end;
        while ((end = text.IndexOf('\n', start)) >= 0)
        {
            if (end > start)
            {
                // The \r of a \r\n is not written.
                AppendSegment(text, start, text[end - 1] == '\r' ? end - 1 - start : end - start);
            }
            else if (_lineOpen && _builder[_builder.Length - 1] == '\r')
            {
                // A \r\n split over two pieces: drop the \r written with the previous piece, and its indent if it was alone.
                _builder.Length--;
                if (_builder.Length == _lineTextStart)
                {
                    _builder.Length -= _lineIndentLength;
                    _lineOpen = false;
                }
            }

            EndLine();
            start = end + 1;
        }

        AppendSegment(text, start, text.Length - start);
    }

    private void AppendSegment(string text, int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        if (!_lineOpen)
        {
            var indent = _indent < s_indents.Length ? s_indents[_indent] : new string(' ', _indent * IndentUnit.Length);
            _builder.Append(indent);
            _lineOpen = true;
            _lineIndentLength = indent.Length;
            _lineTextStart = _builder.Length;
        }

        _builder.Append(text, start, count);
    }

    private SourceWriter EndLine()
    {
        _builder.Append('\n');
        _lineOpen = false;
        return this;
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

    /// <summary>The text written, handing the buffer to the next writer on this thread; this writer is done after it.</summary>
    public string ToStringAndRelease()
    {
        var text = _builder.ToString();
        if (_builder.Capacity <= MaxCachedCapacity)
        {
            _builder.Clear();
            t_cached = _builder;
        }

        return text;
    }

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    internal readonly struct IndentScope : IDisposable
    {
        private readonly SourceWriter _writer;

        public IndentScope(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
