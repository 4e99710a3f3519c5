using System.Text.Json;
using Do.Infrastructure;

namespace Do.Tests.Support;

// Hand-written equivalents of what the generator emits for a [Noun], so the runtime's tests do not depend on
// the generator. Keep them small and readable.

/// <summary>A test noun: a startup with a priority and tags, and a Prioritize verb.</summary>
public sealed class Startup : INoun<Startup>
{
    public static readonly VerbInfo PrioritizeVerb = new("Prioritize", "prioritized", IsAsync: false);
    public static readonly VerbInfo TagVerb = new("Tag", "tagged", IsAsync: false);

    public string Name { get; set; } = "";

    public int Priority { get; set; }

    public List<string> Tags { get; set; } = [];

    public static NounInfo Noun { get; } = new(
        "Startup",
        "Startups",
        null,
        [new NounProperty("Name", "name", "TEXT", false), new NounProperty("Priority", "priority", "INTEGER", false), new NounProperty("Tags", "tags", "JSON", false)],
        [PrioritizeVerb, TagVerb],
        ["""
         CREATE VIEW IF NOT EXISTS "Startup" AS
         SELECT t.id AS id, t.version AS version,
                json_extract(t.data, '$.name') AS "Name",
                json_extract(t.data, '$.priority') AS "Priority",
                json_extract(t.data, '$.tags') AS "Tags"
         FROM things AS t
           JOIN tip AS h ON h.noun = t.noun AND h.id = t.id AND h.branch = 1 AND h.version = t.version
         WHERE t.noun = $noun AND t.deleted = 0
         """]);

    public void Prioritize(int by = 1) => Priority += by;

    public static void Write(Utf8JsonWriter writer, Startup value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteNumber("priority", value.Priority);
        writer.WriteStartArray("tags");
        foreach (var tag in value.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static Startup Read(ref Utf8JsonReader reader)
    {
        var result = new Startup();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "name":
                    result.Name = reader.GetString() ?? "";
                    break;
                case "priority":
                    result.Priority = reader.GetInt32();
                    break;
                case "tags":
                    result.Tags = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        result.Tags.Add(reader.GetString() ?? "");
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return result;
    }
}

/// <summary>A test noun: a customer with an indexed email.</summary>
public sealed class Customer : INoun<Customer>
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public static NounInfo Noun { get; } = new(
        "Customer",
        "Customers",
        null,
        [new NounProperty("Name", "name", "TEXT", false), new NounProperty("Email", "email", "TEXT", true)],
        [],
        ["CREATE INDEX IF NOT EXISTS \"ix_Customer_Email\" ON things (noun, json_extract(data, '$.email')) WHERE noun = $noun"]);

    public static void Write(Utf8JsonWriter writer, Customer value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteString("email", value.Email);
        writer.WriteEndObject();
    }

    public static Customer Read(ref Utf8JsonReader reader)
    {
        var result = new Customer();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "name":
                    result.Name = reader.GetString() ?? "";
                    break;
                case "email":
                    result.Email = reader.GetString() ?? "";
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return result;
    }
}

/// <summary>What the generator's typed accessors look like, hand-written.</summary>
public static class TestNounAccessors
{
    public static ThingCollection<Startup> Startups(this IObjectScope scope) => scope.Collection<Startup>();

    public static ThingRef<Startup> Startup(this IObjectScope scope, string reference) => scope.Ref<Startup>(reference);

    public static ThingCollection<Customer> Customers(this IObjectScope scope) => scope.Collection<Customer>();

    public static Task Prioritize(this ThingRef<Startup> startup, int by = 1)
        => startup.Invoke(Support.Startup.PrioritizeVerb, $"{{\"by\":{by}}}", (s, _) =>
        {
            s.Prioritize(by);
            return ValueTask.CompletedTask;
        });

    public static Task Tag(this ThingRef<Startup> startup, string tag)
        => startup.Invoke(Support.Startup.TagVerb, null, (s, _) =>
        {
            s.Tags.Add(tag);
            return ValueTask.CompletedTask;
        });
}
