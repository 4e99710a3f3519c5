namespace Do.Sdk.Generators.Model;

/// <summary>The JSON shape of a noun or of a class/record/struct nested in one.</summary>
/// <param name="Name">The fully qualified type name.</param>
/// <param name="HelperName">The helper stem (<c>Address</c> gives <c>WriteAddressJson</c>/<c>ReadAddressJson</c>).</param>
/// <param name="IsValueType">True for structs.</param>
/// <param name="Construction">How it is created when read.</param>
/// <param name="Properties">The serialized properties, base class first.</param>
/// <param name="ConstructorArguments">The property names passed to the constructor, in parameter order.</param>
internal sealed record JsonObjectModel(
    string Name,
    string HelperName,
    bool IsValueType,
    ObjectConstruction Construction,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<string> ConstructorArguments);
