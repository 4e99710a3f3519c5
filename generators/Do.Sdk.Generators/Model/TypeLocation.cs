namespace Do.Sdk.Generators.Model;

/// <summary>Where a type lives: its namespace and the partial types that contain it.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="ContainingTypes">Containing type declarations, outermost first (e.g. <c>partial class Outer</c>).</param>
internal sealed record TypeLocation(string Namespace, EquatableArray<string> ContainingTypes);
