using System.Collections.Generic;
using System.Linq;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Emits a noun's one generated file: the <c>INoun&lt;T&gt;</c> part of the noun (its <c>NounInfo</c> with the view and
/// index SQL, and its JSON <c>Write</c>/<c>Read</c>), then its typed DSL, its verbs and its relations.
/// </summary>
internal static class NounEmitter
{
    public static string HintName(NounModel noun) => Generated.HintName(noun.Location.Namespace, FlatPath(noun), "Noun");

    public static string FlatPath(NounModel noun)
        => string.Join(".", noun.Location.ContainingTypes.Select(t => t.Substring(t.LastIndexOf(' ') + 1)).Concat([noun.TypeName]));

    /// <summary>
    /// One file per noun rather than one per part: Roslyn compares each added hint name with every earlier one of the
    /// generator, so at 1,000 nouns three files each cost 9× the comparisons of one (11% of a cold run, issue 12).
    /// </summary>
    public static string Emit(NounModel noun)
    {
        var w = Generated.Start(noun.Location.Namespace);
        EmitNounType(w, noun);
        w.Line();
        AccessorEmitter.Emit(w, noun);
        if (!noun.Verbs.IsEmpty)
        {
            w.Line();
            VerbEmitter.EmitVerbsClass(w, VerbOwner.From(noun));
        }

        if (!noun.Relations.IsEmpty)
        {
            w.Line();
            RelationEmitter.Emit(w, noun);
        }

        return w.ToStringAndRelease();
    }

    private static void EmitNounType(SourceWriter w, NounModel noun)
    {
        foreach (var containing in noun.Location.ContainingTypes)
        {
            w.Line(containing);
            w.Open();
        }

        var hide = noun.HidesBaseMembers ? "new " : "";
        w.Line($"partial {noun.Declaration} {noun.TypeName} : global::Do.INoun<{noun.FullName}>");
        w.Open();
        w.Line($"/// <summary>The {noun.Noun} noun: its names, stored properties, verbs, and the SQL of its view and indexes.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"public static {hide}global::Do.Infrastructure.NounInfo Noun {{ get; }} = new(");
        using (w.Indent())
        {
            w.Line($"{Identifiers.Literal(noun.Noun)},");
            w.Line($"{Identifiers.Literal(noun.Plural)},");
            w.Line($"{(noun.TypeUrl is null ? "null" : Identifiers.Literal(noun.TypeUrl))},");
            if (noun.Shape.Properties.IsEmpty)
            {
                w.Line("[],");
            }
            else
            {
                w.Line("[");
                using (w.Indent())
                {
                    foreach (var property in noun.Shape.Properties)
                    {
                        w.Line($"new global::Do.Infrastructure.NounProperty({Identifiers.Literal(property.Name)}, {Identifiers.Literal(property.JsonName)}, \"{property.SqlType}\", {(property.Indexed ? "true" : "false")}),");
                    }
                }

                w.Line("],");
            }

            w.Line(noun.Verbs.IsEmpty ? "[]," : $"{VerbEmitter.VerbsClass(noun.Location.Namespace, noun.CompanionName)}.All,");
            w.Line("[");
            using (w.Indent())
            {
                w.Line("\"\"\"");
                WriteViewSql(w, noun);
                w.Line("\"\"\",");
                foreach (var index in IndexSql(noun))
                {
                    w.Line($"{Identifiers.Literal(index)},");
                }
            }

            var searchable = noun.Shape.Properties.Where(p => p.Searchable).Select(p => Identifiers.Literal(p.JsonName)).ToList();
            w.Line(searchable.Count == 0 ? "]);" : $"]) {{ SearchableProperties = [{string.Join(", ", searchable)}] }};");
        }

        var json = new JsonEmitter(w, noun.NestedTypes, noun.Enums);
        w.Line();
        w.Line($"/// <summary>Writes a {noun.Noun} as one JSON object.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"public static {hide}void Write({JsonEmitter.WriterType} writer, {noun.FullName} value)");
        w.Open();
        json.WriteObjectBody(noun.Shape, "value");
        w.Close();
        w.Line();
        w.Line($"/// <summary>Reads a {noun.Noun} from the JSON object the reader is on, leaving it on the object's end.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"public static {hide}{noun.FullName} Read(ref {JsonEmitter.ReaderType} reader)");
        w.Open();
        json.ReadObjectBody(noun.Shape);
        w.Close();
        json.WriteHelpers();
        w.Close();
        foreach (var _ in noun.Location.ContainingTypes)
        {
            w.Close();
        }
    }

    /// <summary>A view named after the noun over HEAD rows of the main branch, one column per property.</summary>
    private static void WriteViewSql(SourceWriter w, NounModel noun)
    {
        w.Line($"CREATE VIEW IF NOT EXISTS \"{noun.Noun}\" AS");
        var properties = noun.Shape.Properties;
        w.Line(properties.IsEmpty ? "SELECT t.id AS id, t.version AS version" : "SELECT t.id AS id, t.version AS version,");
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            w.Line($"       json_extract(t.data, '$.{property.JsonName}') AS \"{property.Name}\"{(i < properties.Count - 1 ? "," : "")}");
        }

        // Both orders stay open to the planner: from tip for the whole noun, from an [Indexed] property's index for a
        // filter. $noun is the noun's key in the file, written in as a literal when the view is created
        // (ObjectDatabase.EnsureNounSchema): the partial indexes below are usable only under that literal term.
        w.Line("FROM things AS t");
        w.Line("  JOIN tip AS h ON h.noun = t.noun AND h.id = t.id AND h.branch = 1 AND h.version = t.version");
        w.Line("WHERE t.noun = $noun AND t.deleted = 0");
    }

    /// <summary>
    /// One expression index per <c>[Indexed]</c> property, partial to the noun's rows (<c>$noun</c>, its key in the file):
    /// a write of any other noun neither evaluates the expression nor adds an entry. The key keeps <c>noun</c> first, which
    /// the rows all share: without statistics SQLite estimates an equality on two columns of an index as fewer rows than
    /// on one, so a filter on the property reads this index rather than every HEAD of the noun in <c>tip</c>.
    /// </summary>
    public static IEnumerable<string> IndexSql(NounModel noun)
        => noun.Shape.Properties
            .Where(p => p.Indexed)
            .Select(p => $"CREATE INDEX IF NOT EXISTS \"{TypeSupport.IndexName(noun.Noun, p.Name)}\" ON things (noun, json_extract(data, '$.{p.JsonName}')) WHERE noun = $noun");
}
