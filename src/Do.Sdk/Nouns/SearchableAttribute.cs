namespace Do;

/// <summary>
/// Marks a <see cref="string"/> property of a noun for full-text search: its value is indexed in the object's FTS5
/// index in the same transaction as the write, removed on delete and re-indexed on merge, and embedded for
/// <see cref="ThingCollection{T}.SimilarTo"/> when <see cref="DoHostOptions.Embeddings"/> is set. Other property types are
/// reported by DO0011.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SearchableAttribute : Attribute
{
}
