using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Do.Execution;

namespace Do.Agents;

/// <summary>
/// What a run started by a worker's <c>Do(task)</c> hands to the action waiting for it: the run's output, or why it
/// did not finish. As JSON a plain string is the output, exactly as replies were written before failures were sent, so
/// waits journaled then still replay; a failure is an object <c>{"run","goal","error"}</c>.
/// </summary>
internal sealed record AgentReply(string Output, long Run = 0, string? Goal = null, string? Error = null)
{
    /// <summary>The reply's JSON form, without reflection.</summary>
    public static JsonTypeInfo<AgentReply> Json { get; } = JsonMetadataServices.CreateValueInfo<AgentReply>(
        new JsonSerializerOptions { TypeInfoResolver = StepJsonContext.Default },
        new Converter());

    public static AgentReply Failure(long run, string goal, string error) => new("", run, goal, error);

    /// <summary>The output, or <see cref="AgentRunFailedException"/> for a run that did not finish.</summary>
    public string OutputOrThrow(string agent)
        => Error is null ? Output : throw new AgentRunFailedException(agent, Run, Goal ?? "", Error);

    private sealed class Converter : JsonConverter<AgentReply>
    {
        public override AgentReply Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new AgentReply(reader.GetString() ?? "");
            }

            long run = 0;
            string? goal = null, error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "run":
                        run = reader.GetInt64();
                        break;
                    case "goal":
                        goal = reader.GetString();
                        break;
                    case "error":
                        error = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return error is null ? new AgentReply("", run, goal) : Failure(run, goal ?? "", error);
        }

        public override void Write(Utf8JsonWriter writer, AgentReply value, JsonSerializerOptions options)
        {
            if (value.Error is null)
            {
                writer.WriteStringValue(value.Output);
                return;
            }

            writer.WriteStartObject();
            writer.WriteNumber("run", value.Run);
            writer.WriteString("goal", value.Goal);
            writer.WriteString("error", value.Error);
            writer.WriteEndObject();
        }
    }
}
