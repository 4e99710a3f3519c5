namespace Do;

/// <summary>
/// Marks a noun property for an SQLite expression index over the thing's JSON data, named <c>ix_{Noun}_{Property}</c>
/// and partial to the noun's own rows: a filter on the noun's view reads it, and writes of other nouns never touch it.
/// Index names must differ ignoring case (<c>Order.Line_Sku</c> and <c>Order_Line.Sku</c> would both be
/// <c>ix_Order_Line_Sku</c>); analyzer DO0004 reports two that do not.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class IndexedAttribute : Attribute
{
}
