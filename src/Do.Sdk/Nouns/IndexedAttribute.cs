namespace Do;

/// <summary>Marks a noun property for an SQLite expression index over the thing's JSON data.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class IndexedAttribute : Attribute
{
}
