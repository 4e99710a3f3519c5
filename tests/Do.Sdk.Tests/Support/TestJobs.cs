using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Do.Infrastructure;

namespace Do.Tests.Support;

/// <summary>
/// A hand-written noun with an async (effectful) verb, <see cref="Run"/>, whose behaviour each test sets per job
/// name through <see cref="Behaviours"/>. Registered with a by-name dispatcher, so crash recovery can resume it.
/// </summary>
public sealed class Job : INoun<Job>
{
    public static readonly VerbInfo RunVerb = new("Run", "ran", IsAsync: true);

    /// <summary>What <see cref="Run"/> does, per job name (tests use unique names, so they never share one).</summary>
    public static ConcurrentDictionary<string, Func<Job, Context, Task>> Behaviours { get; } = new();

    public string Name { get; set; } = "";

    public int Runs { get; set; }

    public static NounInfo Noun { get; } = new("Job", "Jobs", null, [new NounProperty("Name", "name", "TEXT", false), new NounProperty("Runs", "runs", "INTEGER", false)], [RunVerb], []);

    public async Task Run(Context ctx)
    {
        if (Behaviours.TryGetValue(Name, out var behaviour))
        {
            await behaviour(this, ctx);
        }

        Runs++;
    }

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

    [ModuleInitializer]
    internal static void Register()
        => DoRegistry.Register(
            [Noun],
            [],
            new Dictionary<string, NounVerbDispatcher>
            {
                ["Job"] = async (json, verb, input, ctx) =>
                {
                    var job = NounJson.Deserialize<Job>(json);
                    await job.Run(ctx);
                    return new VerbResult(NounJson.Serialize(job), null);
                },
            });
}

public static class TestJobAccessors
{
    public static ThingCollection<Job> Jobs(this IObjectScope scope) => scope.Collection<Job>();

    public static ThingRef<Job> Job(this IObjectScope scope, string reference) => scope.Ref<Job>(reference);

    public static Task Run(this ThingRef<Job> job, CancellationToken cancellationToken = default)
        => job.Invoke(Support.Job.RunVerb, null, (j, ctx) => new ValueTask(j.Run(ctx)), cancellationToken);
}
