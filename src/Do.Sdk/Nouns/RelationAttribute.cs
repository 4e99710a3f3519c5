namespace Do;

/// <summary>
/// Declares a typed relationship on a noun: a get-only property whose type is
/// <see cref="IReadOnlyList{T}"/> of <see cref="RelatedThing{T}"/>, e.g.
/// <c>[Relation("purchased")] public IReadOnlyList&lt;RelatedThing&lt;Product&gt;&gt; Purchases =&gt; [];</c>.
/// The property is not stored; the generator adds typed accessors to <see cref="ThingRef{T}"/> of the noun
/// (<c>RelatePurchases</c>, <c>UnrelatePurchases</c>, <c>Purchases</c>), and DO0012 reports a relation type used on the
/// noun that none of its <c>[Relation]</c> properties declares.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class RelationAttribute : Attribute
{
    /// <summary>Declares the relation <paramref name="type"/> (e.g. <c>purchased</c>).</summary>
    public RelationAttribute(string type) => Type = type;

    /// <summary>The relation type, as passed to <see cref="ThingRef{T}.Relate"/>.</summary>
    public string Type { get; }
}
