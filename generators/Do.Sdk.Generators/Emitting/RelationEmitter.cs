using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Emits typed accessors for a noun's <c>[Relation]</c> properties, as C# 14 extension members on
/// <c>ThingRef&lt;Noun&gt;</c>: <c>Relate{Member}</c>, <c>Unrelate{Member}</c> and <c>{Member}</c> (the related things).
/// </summary>
internal static class RelationEmitter
{
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    /// <summary>Writes the relation accessors into the noun's file (see <see cref="NounEmitter.Emit"/>).</summary>
    public static void Emit(SourceWriter w, NounModel noun)
    {
        var access = noun.IsPublic ? "public" : "internal";
        w.Line($"/// <summary>Typed relations of {noun.Noun}: one accessor set per <c>[Relation]</c> property.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"{access} static class {noun.CompanionName}Relations");
        w.Open();
        w.Line($"extension(global::Do.ThingRef<{noun.FullName}> thing)");
        w.Open();
        var first = true;
        foreach (var relation in noun.Relations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var type = Identifiers.Literal(relation.Type);
            var target = relation.TargetFullName;
            w.Line($"/// <summary>Relates this {noun.Noun} to <paramref name=\"target\"/> by <c>{relation.Type}</c>.</summary>");
            w.Line($"public global::System.Threading.Tasks.Task<bool> Relate{relation.Member}(global::Do.ThingRef<{target}> target, string? data = null, {Token})");
            w.Line($"    => thing.Relate({type}, target, data, cancellationToken);");
            w.Line();
            w.Line($"/// <summary>Removes the <c>{relation.Type}</c> edge from this {noun.Noun} to <paramref name=\"target\"/>.</summary>");
            w.Line($"public global::System.Threading.Tasks.Task<bool> Unrelate{relation.Member}(global::Do.ThingRef<{target}> target, {Token})");
            w.Line($"    => thing.Unrelate({type}, target, cancellationToken);");
            w.Line();
            w.Line($"/// <summary>The things this {noun.Noun} relates to by <c>{relation.Type}</c>.</summary>");
            w.Line($"public global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::Do.RelatedThing<{target}>>> {relation.Member}({Token})");
            w.Line($"    => thing.Related<{target}>({type}, cancellationToken);");
        }

        w.Close();
        w.Close();
    }
}
