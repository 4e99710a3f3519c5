using System.Text.Json;

namespace Do.Lifecycle;

/// <summary>Top-level fields of a JSON object as raw JSON text, in document order.</summary>
internal static class JsonFields
{
    public static List<KeyValuePair<string, string>> Parse(string? json)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (json is null)
        {
            return fields;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields.Add(new(property.Name, property.Value.GetRawText()));
        }

        return fields;
    }

    public static string? Find(List<KeyValuePair<string, string>> fields, string name)
    {
        foreach (var (key, value) in fields)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>One JSON object of the given fields; each value is already JSON text and is written as is.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> fields)
        => NounJson.WriteObject(fields, static (writer, fields) =>
        {
            foreach (var (key, value) in fields)
            {
                writer.WritePropertyName(key);
                writer.WriteRawValue(value, skipInputValidation: true);
            }
        });

    /// <summary>Field names in first-seen order across the given objects.</summary>
    public static List<string> Union(params List<KeyValuePair<string, string>>[] objects)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in objects)
        {
            foreach (var (key, _) in fields)
            {
                if (seen.Add(key))
                {
                    names.Add(key);
                }
            }
        }

        return names;
    }
}
