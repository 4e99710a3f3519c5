using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Do.Agents;

/// <summary>A model's tool-call arguments as the JSON object a verb takes; written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class ToolArguments
{
    /// <summary>The arguments as one JSON object, leaving out <paramref name="skip"/> (the thing's id).</summary>
    public static string ToJson(IEnumerable<KeyValuePair<string, object?>> arguments, string? skip = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                if (skip is not null && string.Equals(name, skip, StringComparison.Ordinal))
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The argument named <paramref name="name"/> as text, or null when it is missing or not a string.</summary>
    public static string? Text(IEnumerable<KeyValuePair<string, object?>> arguments, string name)
    {
        foreach (var (key, value) in arguments)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value switch
                {
                    string s => s,
                    JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    _ => null,
                };
            }
        }

        return null;
    }

    // Chat clients hand arguments over as JsonElement (parsed from the model's JSON) or as CLR primitives (scripted
    // or in-process callers); anything else is written as its invariant text, never through reflection.
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
