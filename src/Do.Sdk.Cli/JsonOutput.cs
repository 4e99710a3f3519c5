using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Do.Cli;

/// <summary>The <c>--json</c> output: written with <see cref="Utf8JsonWriter"/>, indented, one document per command.</summary>
internal static class JsonOutput
{
    /// <summary>Writes the document <paramref name="write"/> produces, followed by a newline.</summary>
    public static void Write(CliContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        context.WriteRaw(Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine);
    }

    /// <summary>Writes stored JSON as a value, or null; text that is not JSON is written as a string.</summary>
    public static void WriteStored(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            document.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(json);
        }
    }

    /// <summary>Writes a time as ISO-8601 UTC, or null.</summary>
    public static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
