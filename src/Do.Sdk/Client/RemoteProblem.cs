using System.Text.Json;

namespace Do.Client;

/// <summary>An RFC 9457 problem details document as the server sent it: enough to rebuild the server's exception.</summary>
internal sealed class RemoteProblem
{
    private readonly JsonElement _root;

    private RemoteProblem(int status, JsonElement root, string detail, string? exception)
    {
        Status = status;
        _root = root;
        Detail = detail;
        Exception = exception;
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The problem's detail: the server exception's message.</summary>
    public string Detail { get; }

    /// <summary>The short name of the server's exception type, when it named one.</summary>
    public string? Exception { get; }

    /// <summary>Reads a response body; a body that is not a problem document still yields its text as the detail.</summary>
    public static RemoteProblem Parse(int status, string? reasonPhrase, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement.Clone();
            if (root.ValueKind == JsonValueKind.Object)
            {
                var detail = Text(root, "detail") ?? Text(root, "title") ?? reasonPhrase ?? $"HTTP {status}";
                return new RemoteProblem(status, root, detail, Text(root, "exception"));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a plain-text 413): the text itself is the best explanation there is.
        }

        var text = System.Text.Encoding.UTF8.GetString(body).Trim();
        return new RemoteProblem(status, default, text.Length > 0 ? text : $"HTTP {status} {reasonPhrase}".TrimEnd(), null);
    }

    public string String(string name) => Text(_root, name) ?? "";

    public string? StringOrNull(string name) => Text(_root, name);

    public long Int64(string name)
        => _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;

    public JsonElement Element(string name)
        => _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement root, string name)
        => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
