using System.Globalization;

namespace Do.Client;

/// <summary>
/// The HTTP contract in one place: the route templates the server maps and the paths <see cref="HttpObjectTransport"/>
/// builds from them. Namespaces, refs and other free text travel as single URL-encoded path segments.
/// </summary>
internal static class DoRoutes
{
    /// <summary>The header that names the object's class, so the first call to a new object can create it.</summary>
    public const string ClassHeader = "Do-Class";

    /// <summary>
    /// The header that carries the actor a client acts for (<c>As(actor)</c>), URL-encoded. The server records it only
    /// when the authenticated principal holds a <c>do:actor</c> claim granting it.
    /// </summary>
    public const string ActorHeader = "Do-Actor";

    /// <summary>The media type of the live event stream.</summary>
    public const string EventStream = "text/event-stream";

    public const string Object = "/{ns}";
    public const string Things = "/{ns}/things/{noun}";
    public const string Thing = "/{ns}/things/{noun}/{ref}";
    public const string History = "/{ns}/things/{noun}/{id}/history";
    public const string ThingVerb = "/{ns}/things/{noun}/{id}/{verb}";
    public const string Diff = "/{ns}/diff/{noun}";
    public const string ObjectVerb = "/{ns}/verbs/{verb}";
    public const string Branches = "/{ns}/branches";
    public const string Branch = "/{ns}/branches/{name}";
    public const string Checkout = "/{ns}/checkout";
    public const string CheckoutRef = "/{ns}/checkout/{ref}";
    public const string Merge = "/{ns}/merge/{branch}";
    public const string Fork = "/{ns}/fork/{to}";
    public const string Compact = "/{ns}/compact";
    public const string Move = "/{ns}/move/{colo}";
    public const string Events = "/{ns}/events";
    public const string DeadLetters = "/{ns}/dead-letters";
    public const string Replay = "/{ns}/dead-letters/{id}/replay";
    public const string Schedules = "/{ns}/schedules";
    public const string Links = "/{ns}/links/{role}";
    public const string Actions = "/{ns}/actions";
    public const string Action = "/{ns}/actions/{id}";
    public const string Undo = "/{ns}/actions/{id}/undo";
    public const string Redo = "/{ns}/actions/{id}/redo";
    public const string Relate = "/{ns}/relate";
    public const string Unrelate = "/{ns}/unrelate";
    public const string Related = "/{ns}/things/{noun}/{ref}/related";
    public const string Search = "/{ns}/search/{noun}";
    public const string Signal = "/{ns}/actions/{id}/signals/{signal}";
    public const string Approvals = "/{ns}/approvals";
    public const string Respond = "/{ns}/approvals/{id}/respond";
    public const string AgentRuns = "/{ns}/agent/runs";

    /// <summary>Fills a template's <c>{name}</c> holes with URL-encoded values, in order.</summary>
    public static string Path(string prefix, string template, params ReadOnlySpan<string> values)
    {
        var builder = new System.Text.StringBuilder(prefix.Length + template.Length + 64);
        builder.Append(prefix.TrimEnd('/'));
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                var end = template.IndexOf('}', i);
                builder.Append(Uri.EscapeDataString(values[next++]));
                i = end;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A route value back to its text. Kestrel decodes a path except <c>%2F</c>, which it leaves encoded so that an
    /// encoded slash cannot split a segment; so only that escape remains to undo.
    /// </summary>
    public static string Segment(string value)
        => value.Contains('%', StringComparison.Ordinal) ? value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : value;

    public static string Query(string name, long value) => name + "=" + value.ToString(CultureInfo.InvariantCulture);
}
