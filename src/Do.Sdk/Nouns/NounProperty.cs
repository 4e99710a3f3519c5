using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>A stored property of a noun.</summary>
/// <param name="Name">The C# property name, e.g. <c>Email</c>.</param>
/// <param name="JsonName">The JSON member name, e.g. <c>email</c>.</param>
/// <param name="SqlType">The SQLite type affinity of the value in the noun's view: INTEGER, REAL, TEXT or JSON.</param>
/// <param name="Indexed">True when the property has an expression index (<see cref="IndexedAttribute"/>).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record NounProperty(string Name, string JsonName, string SqlType, bool Indexed);
