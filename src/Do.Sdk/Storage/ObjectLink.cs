namespace Do;

/// <summary>A link from this object to another object.</summary>
/// <param name="Namespace">The other object's namespace.</param>
/// <param name="Class">The other object's class, e.g. <c>Business</c>.</param>
/// <param name="Role">What the other object is to this one: <c>parent</c>, <c>child</c>, <c>root</c>, ...</param>
/// <param name="CreatedAt">When the link was made.</param>
public sealed record ObjectLink(string Namespace, string Class, string Role, DateTimeOffset CreatedAt);
