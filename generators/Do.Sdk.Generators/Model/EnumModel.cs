namespace Do.Sdk.Generators.Model;

/// <summary>An enum written as its member name (a number when the value has no name, e.g. a flags combination).</summary>
/// <param name="Name">The fully qualified enum name.</param>
/// <param name="HelperName">The helper stem (<c>Stage</c> gives <c>StageToJson</c>/<c>StageFromJson</c>).</param>
/// <param name="Underlying">The underlying type keyword, e.g. <c>int</c>.</param>
/// <param name="Members">Member names; <see cref="DistinctValueMembers"/> keeps the first name of each value.</param>
/// <param name="DistinctValueMembers">One member name per distinct value, for writing.</param>
internal sealed record EnumModel(string Name, string HelperName, string Underlying, EquatableArray<string> Members, EquatableArray<string> DistinctValueMembers);
