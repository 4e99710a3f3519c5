namespace Do.Transport;

/// <summary>One relationship as it crosses a transport: <paramref name="From"/> -<paramref name="Type"/>-> <paramref name="To"/>.</summary>
/// <param name="FromNoun">The noun of the source thing.</param>
/// <param name="From">The source thing's <c>$id</c> URL.</param>
/// <param name="Type">The relation type, e.g. <c>purchased</c>.</param>
/// <param name="ToNoun">The noun of the target thing.</param>
/// <param name="To">The target thing's <c>$id</c> URL (possibly in another object).</param>
/// <param name="Data">The edge's JSON object, or null.</param>
public sealed record RelationEdge(string FromNoun, string From, string Type, string ToNoun, string To, string? Data);
