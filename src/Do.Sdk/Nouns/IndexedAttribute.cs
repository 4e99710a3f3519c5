namespace Do;

/// <summary>
/// Marks a noun property for an SQLite expression index over the thing's JSON data, named <c>ix_{Noun}_{Property}</c>
/// and partial to the noun's own rows: a filter on the noun's view reads it, and writes of other nouns never touch it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class IndexedAttribute : Attribute
{
}
