using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Do.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Parsing;

/// <summary>
/// Reads a method's <c>[Verb]</c> without binding its attributes, when syntax and symbols prove what the compiler would
/// bind. <c>GetAttributes</c> binds every attribute of the method with its arguments, validates them and runs nullable
/// analysis over them (~7% of a cold run at 100 nouns, issue 12); so does the semantic model asked about a position in
/// an attribute, and its <c>LookupNamespacesAndTypes</c> gathers every name in scope before filtering (tried: as costly).
/// </summary>
/// <remarks>
/// <para>Read: exactly one attribute on a method without type parameters, without a target; its name <c>Verb</c> or
/// <c>VerbAttribute</c>, bare, qualified by <c>Do</c> or by <c>global::Do</c>; only named arguments among <c>Event</c> (a
/// string literal), <c>Retries</c> and <c>TimeoutMilliseconds</c> (int literals) and <c>RequiresApproval</c>
/// (<c>true</c>/<c>false</c>), each at most once. Everything else is left to <c>GetAttributes</c>.</para>
/// <para>The name is resolved as the compiler resolves an attribute name: <c>N</c> and <c>NAttribute</c> are looked up
/// scope by scope from the method outward, and the first scope where either exists decides (both there is an error).
/// The scopes, in order: the class and its base classes (nested types), each containing type and its bases, each
/// enclosing namespace (its members, from source and references), then the file's and the compilation's usings. The
/// proof gives up where that walk would need binding: a using directive inside a namespace declaration, an alias with
/// one of the names, an extern alias, or usings that do not import <c>Do</c>. At the compilation unit level, once
/// <c>Do</c> is imported, another import of either name is an ambiguity the compiler reports, so the build fails either
/// way. <c>VerbAttributeSyntaxTests</c> compares this with <c>GetAttributes</c> on many shapes.</para>
/// </remarks>
internal static class VerbAttributeSyntax
{
    private const string Suffix = "Attribute";

    // Per compilation: the names of global using aliases and whether some file has `global using Do;`. A global alias in
    // any file is in scope in every file.
    private static readonly ConditionalWeakTable<Compilation, GlobalUsings> s_globalUsings = new();

    /// <summary>
    /// True, with the attribute's options, when <paramref name="method"/>'s attributes are proved to be one <c>[Verb]</c>;
    /// false when the compiler must bind them (the method may or may not be a verb).
    /// </summary>
    public static bool TryRead(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel? model, out VerbOptions options)
    {
        options = default;
        if (model is null
            || method.TypeParameterList is not null
            || method.AttributeLists.Count != 1
            || method.AttributeLists[0] is not { Target: null, Attributes.Count: 1 } list
            || !TryReadArguments(list.Attributes[0].ArgumentList, out options))
        {
            return false;
        }

        return BindsToVerbAttribute(list.Attributes[0].Name, new Scope(model.Compilation, method, symbol.ContainingType));
    }

    private static bool BindsToVerbAttribute(NameSyntax name, Scope scope)
    {
        switch (name)
        {
            case IdentifierNameSyntax simple when IsPlain(simple):
                return scope.Binds(simple.Identifier.ValueText);
            case QualifiedNameSyntax { Left: IdentifierNameSyntax left, Right: IdentifierNameSyntax right } when IsPlain(left) && IsPlain(right):
                return left.Identifier.ValueText == "Do"
                    && scope.FindsTopLevelDo()
                    && MemberBinds(scope.Compilation, right.Identifier.ValueText);
            case QualifiedNameSyntax { Left: AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: IdentifierNameSyntax left }, Right: IdentifierNameSyntax right } when IsPlain(left) && IsPlain(right):
                return left.Identifier.ValueText == "Do"
                    && MemberBinds(scope.Compilation, right.Identifier.ValueText);
            default:
                return false;
        }
    }

    // A verbatim identifier (@Verb) turns the Attribute suffix off: left to the compiler.
    private static bool IsPlain(IdentifierNameSyntax name) => !name.Identifier.IsVerbatimIdentifier() && name.Identifier.ValueText is "Verb" or "VerbAttribute" or "Do";

    // Do.N or Do.NAttribute: members of the top-level namespace Do only (from source and every reference).
    private static bool MemberBinds(Compilation compilation, string name)
        => Only(compilation.GlobalNamespace.GetMembers("Do")) is INamespaceSymbol ns
            && Decides(ns.GetMembers(name), ns.GetMembers(name + Suffix)) == true;

    // At one scope: null when neither name is there (look further out); true when exactly Do.VerbAttribute is; false for
    // anything else there (another type, an ambiguity, a namespace).
    private static bool? Decides(IEnumerable<ISymbol> exact, IEnumerable<ISymbol> suffixed)
    {
        bool hasExact = exact.Any(), hasSuffixed = suffixed.Any();
        if (!hasExact && !hasSuffixed)
        {
            return null;
        }

        return hasExact != hasSuffixed && IsVerbAttribute(Only(hasExact ? exact : suffixed));
    }

    private static bool IsVerbAttribute(ISymbol? symbol)
        => symbol is INamedTypeSymbol type && TypeSupport.MetadataName(type) == TypeSupport.VerbAttributeName;

    // The one symbol; null for none or several.
    private static ISymbol? Only(IEnumerable<ISymbol> symbols)
    {
        ISymbol? only = null;
        foreach (var symbol in symbols)
        {
            if (only is not null)
            {
                return null;
            }

            only = symbol;
        }

        return only;
    }

    /// <summary>The scopes a name in an attribute of a method of <see cref="Type"/> is looked up in, innermost first.</summary>
    private readonly struct Scope(Compilation compilation, MethodDeclarationSyntax method, INamedTypeSymbol type)
    {
        public Compilation Compilation { get; } = compilation;

        /// <summary>True when the attribute name <paramref name="name"/> (and <c>{name}Attribute</c>) is proved to bind Do.VerbAttribute.</summary>
        public bool Binds(string name)
        {
            var suffixed = name + Suffix;
            for (INamedTypeSymbol? container = type; container is not null; container = container.ContainingType)
            {
                for (INamedTypeSymbol? current = container; current is not null; current = current.BaseType)
                {
                    if (Decides(current.GetTypeMembers(name), current.GetTypeMembers(suffixed)) is { } decided)
                    {
                        return decided;
                    }
                }

                if (HasTypeParameter(container, name) || HasTypeParameter(container, suffixed))
                {
                    return false;
                }
            }

            for (var level = type.ContainingNamespace; level is not null; level = level.ContainingNamespace)
            {
                var ns = Merged(level);
                if (Decides(ns.GetMembers(name), ns.GetMembers(suffixed)) is { } decided)
                {
                    return decided;
                }
            }

            return UsingsImportOnlyDo(name, suffixed);
        }

        /// <summary>True when <c>Do</c> in the method's scope is proved to be the top-level namespace Do.</summary>
        public bool FindsTopLevelDo()
        {
            // An alias or import inside a namespace declaration is looked at before the global namespace.
            if (!NoUsingsInNamespaces())
            {
                return false;
            }

            for (INamedTypeSymbol? container = type; container is not null; container = container.ContainingType)
            {
                for (INamedTypeSymbol? current = container; current is not null; current = current.BaseType)
                {
                    if (!current.GetTypeMembers("Do").IsEmpty)
                    {
                        return false;
                    }
                }

                if (HasTypeParameter(container, "Do"))
                {
                    return false;
                }
            }

            for (var level = type.ContainingNamespace; level is not null; level = level.ContainingNamespace)
            {
                var ns = Merged(level);
                if (Only(ns.GetMembers("Do")) is { } found)
                {
                    return ns.IsGlobalNamespace && found is INamespaceSymbol;
                }

                if (ns.GetMembers("Do").Any())
                {
                    return false;
                }
            }

            return false;
        }

        // Past every namespace: the usings. Only those of the compilation unit are read; a using inside a namespace
        // declaration, an extern alias or an alias named like the attribute gives up. With Do imported there, the name
        // binds to Do.VerbAttribute or the build fails on an ambiguity.
        private bool UsingsImportOnlyDo(string name, string suffixed)
        {
            if (method.SyntaxTree.GetRoot() is not CompilationUnitSyntax unit || unit.Externs.Count > 0 || !NoUsingsInNamespaces())
            {
                return false;
            }

            var global = s_globalUsings.GetValue(Compilation, GlobalUsings.Read);
            if (global.Aliases.Contains(name) || global.Aliases.Contains(suffixed))
            {
                return false;
            }

            bool importsDo = global.ImportsDo;
            foreach (var directive in unit.Usings)
            {
                if (directive.Alias is { } alias)
                {
                    if (alias.Name.Identifier.ValueText == name || alias.Name.Identifier.ValueText == suffixed)
                    {
                        return false;
                    }
                }
                else
                {
                    importsDo |= IsUsingDo(directive);
                }
            }

            return importsDo;
        }

        // A source type's namespaces hold only what the source declares; the compilation's hold every reference's too.
        // Mapped level by level: a namespace only the source declares maps to itself, whose parent is the source's.
        private INamespaceSymbol Merged(INamespaceSymbol ns) => Compilation.GetCompilationNamespace(ns) ?? ns;

        private bool NoUsingsInNamespaces()
        {
            for (var node = method.Parent; node is not null and not CompilationUnitSyntax; node = node.Parent)
            {
                if (node is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } or BaseNamespaceDeclarationSyntax { Externs.Count: > 0 })
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasTypeParameter(INamedTypeSymbol type, string name)
        {
            foreach (var parameter in type.TypeParameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary><c>using Do;</c> or <c>global using Do;</c> (not static, not an alias).</summary>
    internal static bool IsUsingDo(UsingDirectiveSyntax directive)
        => directive is { Alias: null, StaticKeyword.RawKind: (int)SyntaxKind.None, Name: IdentifierNameSyntax { Identifier.ValueText: "Do" } or AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name.Identifier.ValueText: "Do" } };

    /// <summary>What every file's <c>global using</c> directives put in scope.</summary>
    private sealed class GlobalUsings(HashSet<string> aliases, bool importsDo)
    {
        public HashSet<string> Aliases { get; } = aliases;

        public bool ImportsDo { get; } = importsDo;

        public static GlobalUsings Read(Compilation compilation)
        {
            var aliases = new HashSet<string>(System.StringComparer.Ordinal);
            bool importsDo = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot() is not CompilationUnitSyntax unit)
                {
                    continue;
                }

                foreach (var directive in unit.Usings)
                {
                    if (directive.GlobalKeyword.RawKind == (int)SyntaxKind.None)
                    {
                        continue;
                    }

                    if (directive.Alias is { } alias)
                    {
                        aliases.Add(alias.Name.Identifier.ValueText);
                    }
                    else
                    {
                        importsDo |= IsUsingDo(directive);
                    }
                }
            }

            return new GlobalUsings(aliases, importsDo);
        }
    }

    private static bool TryReadArguments(AttributeArgumentListSyntax? arguments, out VerbOptions options)
    {
        string? declaredEvent = null;
        int retries = -1, timeout = 0;
        bool requiresApproval = false;
        bool hasEvent = false, hasRetries = false, hasTimeout = false, hasApproval = false;
        options = default;
        foreach (var argument in arguments?.Arguments ?? default)
        {
            if (argument.NameEquals is not { } nameEquals || argument.NameColon is not null)
            {
                return false;
            }

            var value = argument.Expression as LiteralExpressionSyntax;
            switch (nameEquals.Name.Identifier.ValueText)
            {
                case "Event" when !hasEvent && value is { Token.Value: string text } && value.IsKind(SyntaxKind.StringLiteralExpression):
                    (hasEvent, declaredEvent) = (true, text);
                    break;
                case "Retries" when !hasRetries && value is { Token.Value: int count } && value.IsKind(SyntaxKind.NumericLiteralExpression):
                    (hasRetries, retries) = (true, count);
                    break;
                case "TimeoutMilliseconds" when !hasTimeout && value is { Token.Value: int milliseconds } && value.IsKind(SyntaxKind.NumericLiteralExpression):
                    (hasTimeout, timeout) = (true, milliseconds);
                    break;
                case "RequiresApproval" when !hasApproval && value is not null && value.Kind() is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression:
                    (hasApproval, requiresApproval) = (true, value.IsKind(SyntaxKind.TrueLiteralExpression));
                    break;
                default:
                    return false;
            }
        }

        options = new VerbOptions(declaredEvent, retries, timeout, requiresApproval);
        return true;
    }
}
