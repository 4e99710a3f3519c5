using System.Globalization;
using System.Text.Json;

namespace Do.AspNetCore.Dashboard;

/// <summary>How the dashboard writes times, JSON values and statuses.</summary>
internal static class DashboardFormat
{
    /// <summary>A time as UTC text inside a machine-readable <c>time</c> element; "—" when there is none.</summary>
    public static HtmlWriter Time(this HtmlWriter html, DateTimeOffset? at)
        => at is { } t
            ? html.Element("time", t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", ("datetime", t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)))
            : html.Element("span", "—", ("class", "muted"));

    /// <summary>How far <paramref name="at"/> is from <paramref name="now"/>, in words: "in 5 min", "2 h ago".</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = at - now;
        var future = span >= TimeSpan.Zero;
        var size = span.Duration();
        var text = size.TotalSeconds < 60 ? $"{(int)size.TotalSeconds} s"
            : size.TotalMinutes < 60 ? $"{(int)size.TotalMinutes} min"
            : size.TotalHours < 48 ? $"{(int)size.TotalHours} h"
            : $"{(int)size.TotalDays} d";
        return future ? "in " + text : text + " ago";
    }

    /// <summary>A JSON value as a reader wants it: a string without quotes, anything else as compact JSON.</summary>
    public static string Value(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    /// <summary>A JSON text (a field's value in a diff) as <see cref="Value(JsonElement)"/> shows it; null stays null.</summary>
    public static string? Value(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Value(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>JSON indented for reading, or the text as it is when it is not JSON.</summary>
    public static string Indented(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.RootElement.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>A status as a badge whose colour class follows its meaning.</summary>
    public static HtmlWriter Badge(this HtmlWriter html, string text, string tone)
        => html.Element("span", text, ("class", "badge badge-" + tone));

    /// <summary>The tone of an action status: good, bad, busy or quiet.</summary>
    public static string Tone(ActionStatus status) => status switch
    {
        ActionStatus.Completed => "good",
        ActionStatus.Failed => "bad",
        ActionStatus.Pending or ActionStatus.Running or ActionStatus.Retrying => "busy",
        _ => "quiet",
    };

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
