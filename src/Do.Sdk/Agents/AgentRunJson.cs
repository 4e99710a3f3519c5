using System.Buffers;
using System.Text.Json;

namespace Do.Agents;

/// <summary>An <see cref="AgentRun"/> as the JSON output of its action, the form it keeps in the agent's file.</summary>
internal static class AgentRunJson
{
    /// <summary>The input of a run, <c>{"goal": "…"}</c>, after checking the goal says something.</summary>
    /// <exception cref="ArgumentException">The goal is empty.</exception>
    public static string Goal(string goal)
    {
        if (string.IsNullOrWhiteSpace(goal))
        {
            throw new ArgumentException($"The goal \"{goal}\" is empty; pass what the agent should achieve, e.g. \"Escalate ticket t-1\".", nameof(goal));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("goal", goal);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The goal of a run's input JSON (<see cref="Goal"/>'s form).</summary>
    /// <exception cref="ArgumentException">The JSON has no <c>goal</c> string.</exception>
    public static string ReadGoal(string? json)
    {
        if (json is not null)
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("goal", out var goal) && goal.ValueKind == JsonValueKind.String)
            {
                return goal.GetString()!;
            }
        }

        throw new ArgumentException($"An agent run needs a JSON body {{\"goal\": \"…\"}}; got {(json is null ? "no body" : "\"" + json + "\"")}.", nameof(json));
    }

    public static string Write(AgentRun run)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", run.Id);
            writer.WriteString("status", run.Status.ToString());
            writer.WriteString("output", run.Output);
            writer.WriteNumber("inputTokens", run.InputTokens);
            writer.WriteNumber("outputTokens", run.OutputTokens);
            writer.WriteStartArray("steps");
            foreach (var step in run.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", step.Kind.ToString());
                writer.WriteString("name", step.Name);
                writer.WriteString("input", step.Input);
                writer.WriteString("output", step.Output);
                writer.WriteNumber("inputTokens", step.InputTokens);
                writer.WriteNumber("outputTokens", step.OutputTokens);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static AgentRun Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var steps = new List<AgentStep>();
        foreach (var step in root.GetProperty("steps").EnumerateArray())
        {
            steps.Add(new AgentStep(
                Enum.Parse<AgentStepKind>(step.GetProperty("kind").GetString()!),
                step.GetProperty("name").GetString()!,
                step.GetProperty("input").GetString(),
                step.GetProperty("output").GetString(),
                step.GetProperty("inputTokens").GetInt64(),
                step.GetProperty("outputTokens").GetInt64()));
        }

        return new AgentRun
        {
            Id = root.GetProperty("id").GetInt64(),
            Status = Enum.Parse<AgentRunStatus>(root.GetProperty("status").GetString()!),
            Output = root.GetProperty("output").GetString(),
            InputTokens = root.GetProperty("inputTokens").GetInt64(),
            OutputTokens = root.GetProperty("outputTokens").GetInt64(),
            Steps = steps,
        };
    }
}
