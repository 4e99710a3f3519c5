using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Do;

/// <summary>Builds a <see cref="Prompt"/> from an interpolated string: literal parts form the template, holes become values.</summary>
[InterpolatedStringHandler]
public struct PromptHandler
{
    private readonly StringBuilder _template;
    private readonly List<string> _values;

    /// <summary>Called by the compiler for <c>$"…"</c> passed as a prompt.</summary>
    public PromptHandler(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + formattedCount * 4);
        _values = new List<string>(formattedCount);
    }

    /// <summary>Appends template text; braces are doubled so the template's holes stay unambiguous.</summary>
    public readonly void AppendLiteral(string value) => _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    /// <summary>Adds a value and a hole for it in the template.</summary>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Adds a formatted value and a hole for it in the template.</summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _template.Append('{').Append(_values.Count).Append('}');
        _values.Add(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "");
    }

    /// <summary>The prompt built so far.</summary>
    public readonly Prompt ToPrompt() => new(_template?.ToString() ?? "", _values is null ? [] : [.. _values]);
}
