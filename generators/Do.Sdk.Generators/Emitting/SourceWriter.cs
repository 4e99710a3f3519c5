using System;
using System.Text;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Writes C# with indentation, so generated files read like hand-written ones without NormalizeWhitespace.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation; a text with line breaks is written line by line.</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.IndexOf('\n') >= 0)
        {
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }

            return this;
        }

        if (text.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
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

    /// <summary>Ends an <see cref="Indent"/>.</summary>
    internal readonly struct IndentScope : IDisposable
    {
        private readonly SourceWriter _writer;

        public IndentScope(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
