namespace Do.Sdk.Generators.Model;

/// <summary>A typed relation declared by a <c>[Relation]</c> property.</summary>
/// <param name="Member">The property name, e.g. <c>Purchases</c>; the accessors are named from it.</param>
/// <param name="Type">The relation type, e.g. <c>purchased</c>.</param>
/// <param name="TargetFullName">The related noun, fully qualified.</param>
internal sealed record RelationModel(string Member, string Type, string TargetFullName);
