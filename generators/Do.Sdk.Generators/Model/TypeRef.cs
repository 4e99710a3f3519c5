namespace Do.Sdk.Generators.Model;

/// <summary>A serializable type as the emitter needs it.</summary>
/// <param name="Kind">How it is written.</param>
/// <param name="Name">The fully qualified type, without a top-level <c>?</c> (e.g. <c>global::System.Collections.Generic.List&lt;string?&gt;</c>).</param>
/// <param name="IsNullableReference">True for an annotated reference type (<c>string?</c>).</param>
/// <param name="Element">The element of a collection or the underlying type of a <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Shape">The collection shape.</param>
/// <param name="HelperName">The helper stem of an enum or nested object (<c>Address</c> gives <c>WriteAddressJson</c>).</param>
/// <param name="IsValueType">True for structs, enums and primitives.</param>
internal sealed record TypeRef(
    ValueKind Kind,
    string Name,
    bool IsNullableReference,
    TypeRef? Element,
    CollectionShape Shape,
    string? HelperName,
    bool IsValueType)
{
    /// <summary>The type as written in a declaration, with its <c>?</c>.</summary>
    public string Display => Kind == ValueKind.Nullable ? Element!.Name + "?" : IsNullableReference ? Name + "?" : Name;

    /// <summary>True when JSON <c>null</c> is a valid value.</summary>
    public bool AcceptsNull => Kind == ValueKind.Nullable || IsNullableReference;
}
