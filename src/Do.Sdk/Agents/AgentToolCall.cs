using System.Text.Json;

namespace Do.Agents;

/// <summary>A tool call the model asked for: its call id, the tool's name and the arguments as a JSON object.</summary>
internal sealed record AgentToolCall(string Id, string Name, string ArgumentsJson)
{
    /// <summary>The arguments as M.E.AI carries them: property name to <see cref="JsonElement"/>.</summary>
    public Dictionary<string, object?> Arguments()
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(ArgumentsJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;
    }
}
