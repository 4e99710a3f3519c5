using System.Collections.Immutable;
using System.Linq;
using Do.Sdk.Generators.Emitting;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators;

/// <summary>
/// Turns <c>[Noun]</c> classes and partial durable object classes into a typed DSL, serializers, schema SQL and
/// one registry per assembly. Parsing produces equatable models only (no symbols or syntax past the transforms),
/// so an edit elsewhere leaves every output cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NounGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var nouns = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeSupport.NounAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                NounParser.Parse)
            .WithTrackingName(TrackingNames.Nouns);

        // Durable objects carry no attribute. CreateSyntaxProvider would call a predicate on every node of every tree
        // (~9% of a cold run at 100 nouns); this visits only the nodes that can declare a type, and binds the few
        // candidates, once per compilation as CreateSyntaxProvider's transform did. One node, not a chain of per-tree
        // steps: those were not faster at 1,000 files (the driver tables, times and caches every step for every tree).
        var objects = context.CompilationProvider
            .SelectMany(static (compilation, cancellationToken) => ObjectParser.ParseAll(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.Objects);

        // A class the parser skips stays in the pipeline as null rather than being filtered out: a Where and a Select
        // per noun are two more nodes the driver times, tables and caches for every [Noun] class on a cold run.
        context.RegisterSourceOutput(nouns, static (spc, noun) =>
        {
            if (noun is not null)
            {
                spc.AddSource(NounEmitter.HintName(noun), NounEmitter.Emit(noun));
            }
        });

        context.RegisterSourceOutput(objects, static (spc, model) =>
        {
            if (!model.Verbs.IsEmpty)
            {
                spc.AddSource(ObjectEmitter.HintName(model), ObjectEmitter.Emit(model));
            }
        });

        var nounEntries = nouns
            .Select(static (noun, _) => noun is null ? null : new NounEntry(noun.Noun, noun.FullName, noun.Verbs.IsEmpty ? null : VerbEmitter.VerbsClass(noun.Location.Namespace, noun.CompanionName)))
            .WithTrackingName(TrackingNames.NounEntries)
            .Collect();
        var objectEntries = objects
            .Select(static (model, _) => new ObjectEntry(model.FullName, model.Verbs.IsEmpty ? null : VerbEmitter.VerbsClass(model.Location.Namespace, model.CompanionName)))
            .WithTrackingName(TrackingNames.ObjectEntries)
            .Collect();
        var registry = nounEntries
            .Combine(objectEntries)
            .Select(static (pair, _) => Registry(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry, static (spc, model) =>
        {
            if (!model.Nouns.IsEmpty || !model.Objects.IsEmpty)
            {
                spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(model));
            }
        });
    }

    private static RegistryModel Registry(ImmutableArray<NounEntry?> nouns, ImmutableArray<ObjectEntry> objects)
        => new(
            nouns.Where(static n => n is not null).Select(static n => n!).Distinct().OrderBy(n => n.FullName, System.StringComparer.Ordinal).ToEquatableArray(),
            objects.Distinct().OrderBy(o => o.FullName, System.StringComparer.Ordinal).ToEquatableArray());
}
