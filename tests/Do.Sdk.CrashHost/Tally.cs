using System.Runtime.CompilerServices;
using System.Text.Json;
using Do.Infrastructure;

namespace Do.CrashHost;

/// <summary>
/// The agent crash test's noun, written by hand like <see cref="Counter"/> (this project does not run the generator),
/// with the argument schema the generator would emit so an agent can offer <c>Tally_Add</c> as a tool.
/// </summary>
internal sealed class Tally : INoun<Tally>
{
    public static readonly VerbInfo AddVerb = new("Add", "added", IsAsync: false)
    {
        ArgumentsSchema = """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"],"additionalProperties":false}""",
    };

    public int Count { get; set; }

    public static NounInfo Noun { get; } = new("Tally", "Tallies", null, [new NounProperty("Count", "count", "INTEGER", false)], [AddVerb], []);

    public static void Write(Utf8JsonWriter writer, Tally value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", value.Count);
        writer.WriteEndObject();
    }

    public static Tally Read(ref Utf8JsonReader reader)
    {
        var tally = new Tally();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "count")
            {
                tally.Count = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return tally;
    }

    [ModuleInitializer]
    internal static void Register()
        => DoRegistry.Register(
            [Noun],
            [],
            new Dictionary<string, NounVerbDispatcher>
            {
                ["Tally"] = (json, _, _, _) =>
                {
                    var tally = NounJson.Deserialize<Tally>(json);
                    tally.Count++;
                    return new ValueTask<VerbResult>(new VerbResult(NounJson.Serialize(tally), null));
                },
            });
}
