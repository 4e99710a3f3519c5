using System.Text.Json;

namespace Do.Benchmarks.Support;

// Hand-written equivalents of what the generator will emit for a [Noun] (like tests/Do.Sdk.Tests/Support/TestNouns.cs),
// so the runtime benchmarks do not wait for the generator.

/// <summary>A startup with a priority and tags, and a synchronous Prioritize verb.</summary>
public sealed class Startup : INoun<Startup>
{
    public static readonly VerbInfo PrioritizeVerb = new("Prioritize", "prioritized", IsAsync: false);

    /// <summary>The verb body the benchmarks invoke; static so no closure is allocated per call.</summary>
    public static readonly Func<Startup, Context, ValueTask> Prioritize1 = static (s, _) =>
    {
        s.Prioritize(1);
        return ValueTask.CompletedTask;
    };

    public string Name { get; set; } = "";

    public int Priority { get; set; }

    public List<string> Tags { get; set; } = [];

    public static NounInfo Noun { get; } = new(
        "Startup",
        "Startups",
        null,
        [new NounProperty("Name", "name", "TEXT", false), new NounProperty("Priority", "priority", "INTEGER", false), new NounProperty("Tags", "tags", "JSON", false)],
        [PrioritizeVerb],
        ["""
         CREATE VIEW IF NOT EXISTS "Startup" AS
         SELECT t.id AS id, t.version AS version,
                json_extract(t.data, '$.name') AS "Name",
                json_extract(t.data, '$.priority') AS "Priority",
                json_extract(t.data, '$.tags') AS "Tags"
         FROM things AS t JOIN nouns AS n ON n.id = t.noun AND n.name = 'Startup'
         WHERE t.branch = 1 AND t.deleted = 0
           AND t.version = (SELECT MAX(h.version) FROM things AS h WHERE h.noun = t.noun AND h.id = t.id AND h.branch = 1)
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

/// <summary>A job with an async (effectful) verb: under <c>Do</c> it is persisted pending, run through the retry pipeline, then committed.</summary>
public sealed class Job : INoun<Job>
{
    public static readonly VerbInfo RunVerb = new("Run", "ran", IsAsync: true);

    /// <summary>An effect that completes at once, so the benchmark measures the durable machinery, not the effect.</summary>
    public static readonly Func<Job, Context, ValueTask> RunOnce = static (j, _) =>
    {
        j.Runs++;
        return ValueTask.CompletedTask;
    };

    public string Name { get; set; } = "";

    public int Runs { get; set; }

    public static NounInfo Noun { get; } = new("Job", "Jobs", null, [new NounProperty("Name", "name", "TEXT", false), new NounProperty("Runs", "runs", "INTEGER", false)], [RunVerb], []);

    public static void Write(Utf8JsonWriter writer, Job value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteNumber("runs", value.Runs);
        writer.WriteEndObject();
    }

    public static Job Read(ref Utf8JsonReader reader)
    {
        var job = new Job();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "name":
                    job.Name = reader.GetString() ?? "";
                    break;
                case "runs":
                    job.Runs = reader.GetInt32();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return job;
    }
}
