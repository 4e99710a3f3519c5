using Do.Infrastructure;
using System.Text.Json;

namespace Do.Benchmarks.Support;

/// <summary>
/// A searchable noun written out by hand the way the generator emits one (<c>[Searchable] Text</c>), because the
/// generator does not run on this project.
/// </summary>
public sealed class SearchDoc : INoun<SearchDoc>
{
    public string Text { get; set; } = "";

    public static NounInfo Noun { get; } = new(
        "SearchDoc",
        "SearchDocs",
        null,
        [new NounProperty("Text", "text", "TEXT", false)],
        [],
        []) { SearchableProperties = ["text"] };

    public static void Write(Utf8JsonWriter writer, SearchDoc value)
    {
        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        writer.WriteEndObject();
    }

    public static SearchDoc Read(ref Utf8JsonReader reader)
    {
        var result = new SearchDoc();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "text")
            {
                result.Text = reader.GetString() ?? "";
            }
            else
            {
                reader.Skip();
            }
        }

        return result;
    }
}
