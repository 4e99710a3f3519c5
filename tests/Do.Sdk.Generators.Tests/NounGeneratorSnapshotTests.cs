using Do.Sdk.Generators.Tests.Snapshots;
using Do.Sdk.Generators.Tests.Support;

namespace Do.Sdk.Generators.Tests;

public sealed class NounGeneratorSnapshotTests
{
    [Fact]
    public void Issue_program() => Verify(Sources.IssueProgram);

    [Fact]
    public void All_property_types() => Verify(Sources.AllPropertyTypes);

    [Fact]
    public void Indexed_properties() => Verify(Sources.IndexedProperties);

    [Fact]
    public void Plural_and_event_overrides() => Verify(Sources.PluralAndEventOverrides);

    [Fact]
    public void Irregular_verbs() => Verify(Sources.IrregularVerbs);

    [Fact]
    public void Async_verb_taking_context() => Verify(Sources.AsyncVerbTakingContext);

    [Fact]
    public void Parameters_with_defaults() => Verify(Sources.ParametersWithDefaults);

    [Fact]
    public void Nested_namespaces() => Verify(Sources.NestedNamespaces);

    [Fact]
    public void Nested_types() => Verify(Sources.NestedTypes);

    [Fact]
    public void Global_namespace() => Verify(Sources.GlobalNamespace);

    [Fact]
    public void Object_level_verbs() => Verify(Sources.ObjectLevelVerbs);

    [Fact]
    public void Searchable_properties_and_relations() => Verify(SearchSources.SearchableAndRelations);

    [Fact]
    public void Nouns_referring_to_each_other() => Verify(Sources.NounsReferringToEachOther);

    [Fact]
    public void Records_and_init_only() => Verify(Sources.RecordsAndInitOnly);

    [Fact]
    public void Verbs_returning_values() => Verify(Sources.VerbsReturningValues);

    [Fact]
    public void Verb_argument_schemas_and_approval() => Verify(ToolSources.VerbSchemas);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        GeneratorHarness.AssertCompilesClean(result, output);
        SnapshotAssert.Matches(result, method: method);
    }
}
