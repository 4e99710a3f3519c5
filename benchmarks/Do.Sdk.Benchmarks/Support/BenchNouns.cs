using Do.Infrastructure;

namespace Do.Benchmarks.Support;

/// <summary>
/// Verb bodies the benchmarks invoke on the hand-written test nouns (tests/Do.Sdk.Tests/Support/TestNouns.cs and
/// TestJobs.cs, linked into this project): static, so no closure is allocated per call.
/// </summary>
public static class BenchVerbs
{
    /// <summary><c>Prioritize(1)</c>: a pure state transition.</summary>
    public static readonly Func<Startup, Context, ValueTask> Prioritize1 = static (s, _) =>
    {
        s.Prioritize(1);
        return ValueTask.CompletedTask;
    };

    /// <summary>
    /// Prioritize by name, as the generator's dispatch table does it (JSON state and arguments in, JSON state out), for
    /// calls that arrive by name over HTTP.
    /// </summary>
    public static readonly NounVerbDispatcher Dispatch = static (state, verb, input, _) =>
    {
        if (verb != Startup.PrioritizeVerb.Name)
        {
            throw new ArgumentException($"Startup has no verb \"{verb}\" here. Its verbs: Prioritize.", nameof(verb));
        }

        var by = 1;
        if (input is not null)
        {
            var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(input));
            reader.Read();
            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "by")
                {
                    by = reader.GetInt32();
                }
            }
        }

        var startup = NounJson.Deserialize<Startup>(state);
        startup.Prioritize(by);
        return ValueTask.FromResult(new VerbResult(NounJson.Serialize(startup), null));
    };

    /// <summary>An effect that completes at once, so the benchmark measures the durable machinery, not the effect.</summary>
    public static readonly Func<Job, Context, ValueTask> RunOnce = static (j, _) =>
    {
        j.Runs++;
        return ValueTask.CompletedTask;
    };
}
