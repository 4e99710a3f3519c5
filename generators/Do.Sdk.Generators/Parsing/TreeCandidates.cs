using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// The candidate durable object classes of one tree, between the syntax scan and binding. Holds syntax, so it never
/// leaves <c>ObjectParser.ParseAll</c>: the tracked <c>Objects</c> step outputs <c>ObjectClassModel</c>s only.
/// </summary>
/// <param name="Tree">The tree the classes are in.</param>
/// <param name="Classes">Partial classes with a base list, in document order.</param>
internal readonly record struct TreeCandidates(SyntaxTree Tree, ImmutableArray<ClassDeclarationSyntax> Classes);
