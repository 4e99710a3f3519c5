using System.Runtime.CompilerServices;
using System.Text.Json;
using Do.Infrastructure;

namespace Do.CrashHost;

/// <summary>
/// The crash test's noun, written by hand (this project does not use the generator, so the crash test exercises the
/// runtime alone). <see cref="Bump"/> is a pure state transition; <see cref="Effect"/> is an async verb with a side
/// effect outside the database: it appends its action id to a file.
/// </summary>
internal sealed class Counter : INoun<Counter>
{
    public static readonly VerbInfo BumpVerb = new("Bump", "bumped", IsAsync: false);
    public static readonly VerbInfo EffectVerb = new("Effect", "effected", IsAsync: true);
    public static readonly VerbInfo CloseVerb = new("Close", "closed", IsAsync: true);

    public static string SideEffectFile { get; set; } = "effects.log";

    public int Bumps { get; set; }

    public int Effects { get; set; }

    public static NounInfo Noun { get; } = new("Counter", "Counters", null, [new NounProperty("Bumps", "bumps", "INTEGER", false), new NounProperty("Effects", "effects", "INTEGER", false)], [BumpVerb, EffectVerb, CloseVerb], []);

    public void Bump() => Bumps++;

    public async Task Effect(Context ctx)
    {
        await using (var file = new FileStream(SideEffectFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            var line = System.Text.Encoding.UTF8.GetBytes($"effect {ctx.ActionId}\n");
            await file.WriteAsync(line, ctx.CancellationToken);
            file.Flush(flushToDisk: true);
        }

        Effects++;
    }

    /// <summary>The custom event <see cref="Close"/> emits (handled by the emit crash test's Outbox).</summary>
    public const string ClosedEvent = "ledger.closed";

    /// <summary>Emits a durable custom event (<see cref="ClosedEvent"/>) in the verb's own transaction.</summary>
    public Task Close(Context ctx)
    {
        ctx.Emit(ClosedEvent, new System.Text.Json.Nodes.JsonObject { ["bumps"] = Bumps }.ToJsonString());
        return Task.CompletedTask;
    }

    public static void Write(Utf8JsonWriter writer, Counter value)
    {
        writer.WriteStartObject();
        writer.WriteNumber("bumps", value.Bumps);
        writer.WriteNumber("effects", value.Effects);
        writer.WriteEndObject();
    }

    public static Counter Read(ref Utf8JsonReader reader)
    {
        var counter = new Counter();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "bumps")
            {
                counter.Bumps = reader.GetInt32();
            }
            else if (name == "effects")
            {
                counter.Effects = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return counter;
    }

    [ModuleInitializer]
    internal static void Register()
        => DoRegistry.Register(
            [Noun],
            [],
            new Dictionary<string, NounVerbDispatcher>
            {
                ["Counter"] = async (json, verb, _, ctx) =>
                {
                    var counter = NounJson.Deserialize<Counter>(json);
                    if (verb == "Bump")
                    {
                        counter.Bump();
                    }
                    else if (verb == "Close")
                    {
                        await counter.Close(ctx);
                    }
                    else
                    {
                        await counter.Effect(ctx);
                    }

                    return new VerbResult(NounJson.Serialize(counter), null);
                },
            });
}
