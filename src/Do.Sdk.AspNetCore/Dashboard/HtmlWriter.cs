using System.Text;
using System.Text.Encodings.Web;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// Writes HTML with every piece of text and every attribute value escaped, so data from objects (ids, JSON, errors)
/// can never become markup. Tag and attribute names come from the dashboard's own code, never from data.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(4096);
    private readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    /// <summary>Opens <paramref name="tag"/> with its attributes; a null value leaves the attribute out, an empty one writes it bare.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"");
                _encoder.Encode(new StringWriter(_html), value);
                _html.Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    /// <summary>Closes <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes <paramref name="text"/>, escaped.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _encoder.Encode(new StringWriter(_html), text);
        }

        return this;
    }

    /// <summary>Writes <c>&lt;tag attributes&gt;text&lt;/tag&gt;</c> with the text escaped.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes)
        => Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link with escaped text and address; <paramref name="current"/> marks the page the reader is on.</summary>
    public HtmlWriter Link(string href, string text, string? cssClass = null, bool current = false)
        => Open("a", ("href", href), ("class", cssClass), ("aria-current", current ? "page" : null)).Text(text).Close("a");

    /// <summary>Writes the doctype; the only markup written without a tag.</summary>
    public HtmlWriter Doctype()
    {
        _html.Append("<!DOCTYPE html>");
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _html.ToString();
}
