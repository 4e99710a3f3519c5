using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class VerbAttributeSyntaxTests
{
    // Attribute shapes on one class whose file imports Do: what syntax reads, and what it leaves to the compiler.
    private const string Shapes = """"
        using Do;
        using V = Do.VerbAttribute;
        namespace A;
        public static class Names { public const string Bumped = "bumped"; }
        public partial class Thing
        {
            [Verb] public void Bare() { }
            [VerbAttribute] public void Suffixed() { }
            [Do.Verb] public void Qualified() { }
            [Do.VerbAttribute] public void QualifiedSuffixed() { }
            [global::Do.Verb] public void Global() { }
            [global::Do.VerbAttribute] public void GlobalSuffixed() { }
            [Verb()] public void EmptyArguments() { }
            [Verb(Event = "bumped", Retries = 3, TimeoutMilliseconds = 500, RequiresApproval = true)] public void AllOptions() { }
            [Verb(RequiresApproval = false, Retries = 0x0A)] public void HexAndFalse() { }
            [Verb(Event = """raw""")] public void RawEvent() { }
            [Verb(Event = "  ")] public void BlankEvent() { }
            [V] public void Aliased() { }
            [Verb(Retries = -1)] public void NegativeRetries() { }
            [Verb(Event = Names.Bumped)] public void ConstantEvent() { }
            [Verb(Event = nameof(Thing))] public void NameofEvent() { }
            [Verb(Event = null)] public void NullEvent() { }
            [Verb, System.Obsolete] public void TwoAttributes() { }
            [Verb][System.Obsolete] public void TwoLists() { }
            [method: Verb] public void Targeted() { }
            [Verb] public void Generic<T>() { }
            [System.Obsolete] public void NotAVerb() { }
            [Other.Verb] public void SomeoneElses() { }
            [Other.VerbAttribute] public void SomeoneElsesSuffixed() { }
        }
        """";

    private const string Other = """
        namespace Other;
        public sealed class VerbAttribute : System.Attribute { }
        """;

    [Fact]
    public void Syntax_reads_the_plain_shapes_and_agrees_with_the_compiler_on_every_one()
    {
        var compilation = GeneratorHarness.Compile(Shapes, Other);
        Assert.Empty(Errors(compilation));

        var read = Compare(compilation, "A.Thing");

        Assert.Equal(
            ["Bare", "Suffixed", "Qualified", "QualifiedSuffixed", "Global", "GlobalSuffixed", "EmptyArguments", "AllOptions", "HexAndFalse", "RawEvent", "BlankEvent"],
            read);
    }

    // Scopes: each case is a program (its files) and whether syntax may prove [Verb] on T.M in it.
    public static TheoryData<string, string[], bool> Scopes => new()
    {
        { "using Do in the file", ["using Do; namespace A; public partial class T { [Verb] public void M() { } }"], true },
        { "global using Do in another file", ["global using Do;", "namespace A; public partial class T { [Verb] public void M() { } }"], true },
        { "global using global::Do", ["global using global::Do;", "namespace A { public partial class T { [Verb] public void M() { } } }"], true },
        { "inside namespace Do", ["namespace Do.Inner; public partial class T { [Verb] public void M() { } }"], true },
        { "nested class", ["using Do; namespace A; public partial class Outer { public partial class T { [Verb] public void M() { } } }"], true },
        { "global namespace", ["using Do; public partial class T { [Verb] public void M() { } }"], true },
        { "qualified, nothing imported", ["namespace A; public partial class T { [Do.Verb] public void M() { } }"], true },
        { "own VerbAttribute in the namespace", ["using Do; namespace A; public sealed class VerbAttribute : System.Attribute { } public partial class T { [Verb] public void M() { } }"], false },
        { "own Verb attribute in an outer namespace", ["using Do; namespace A.B; public partial class T { [Verb] public void M() { } }", "namespace A; public sealed class Verb : System.Attribute { }"], false },
        { "own VerbAttribute in the global namespace", ["using Do; namespace A; public partial class T { [Verb] public void M() { } }", "public sealed class VerbAttribute : System.Attribute { }"], false },
        { "nested VerbAttribute", ["using Do; namespace A; public partial class T { public sealed class VerbAttribute : System.Attribute { } [Verb] public void M() { } }"], false },
        { "VerbAttribute nested in a base class", ["using Do; namespace A; public class Base { public sealed class VerbAttribute : System.Attribute { } } public partial class T : Base { [Verb] public void M() { } }"], false },
        { "VerbAttribute nested in a containing class", ["using Do; namespace A; public partial class Outer { public sealed class VerbAttribute : System.Attribute { } public partial class T { [Verb] public void M() { } } }"], false },
        { "an alias named Verb", ["using Do; using Verb = Other.VerbAttribute; namespace A; public partial class T { [Verb] public void M() { } }", Other], false },
        { "a global alias named VerbAttribute", ["global using VerbAttribute = Other.VerbAttribute;", "using Do; namespace A; public partial class T { [Verb] public void M() { } }", Other], false },
        { "usings inside the namespace", ["namespace A { using Do; public partial class T { [Verb] public void M() { } } }"], false },
        { "an import closer than Do", ["using Do; namespace A { using Other; public partial class T { [Verb] public void M() { } } }", Other], false },
        { "Do not imported, another Verb is", ["using Other; namespace A; public partial class T { [Verb] public void M() { } }", Other], false },
        { "a namespace A.Do", ["namespace A.Do { public class Marker { } }", "namespace A { public partial class T { [Do.Verb] public void M() { } } }"], false },
        { "an alias named Do inside the namespace", ["namespace A { using Do = Other; public partial class T { [Do.Verb] public void M() { } } }", Other], false },
        { "a type named Do in the namespace", ["namespace A; public class Do { } public partial class T { [Do.Verb] public void M() { } }"], false },
        { "a type parameter named Verb", ["using Do; namespace A; public partial class T<Verb> { [Verb] public void M() { } }"], false },
        { "a verbatim name", ["using Do; namespace A; public partial class T { [@Verb] public void M() { } }"], false },
        { "an extern alias", ["extern alias Lib; using Do; namespace A; public partial class T { [Verb] public void M() { } }"], false },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Syntax_proves_the_name_only_where_the_compiler_binds_it_to_Do_VerbAttribute(string name, string[] sources, bool proved)
    {
        var compilation = GeneratorHarness.Compile(sources);
        var (syntax, symbol, model) = Method(compilation);

        var read = VerbAttributeSyntax.TryRead(syntax, symbol, model, out var options);

        Assert.True(read == proved, $"{name}: syntax {(read ? "proved" : "did not prove")} it.");
        if (read && Errors(compilation).Count == 0)
        {
            Assert.True(Symbols.FindAttribute(symbol, TypeSupport.VerbAttributeName) is { } attribute && VerbOptions.From(attribute) == options, $"{name}: the compiler disagrees.");
        }
    }

    [Fact]
    public void Where_syntax_would_be_wrong_the_program_does_not_compile()
    {
        // Do and another namespace with a VerbAttribute imported side by side: syntax says Do's, the compiler says ambiguous.
        var compilation = GeneratorHarness.Compile("using Do; using Other; namespace A; public partial class T { [Verb] public void M() { } }", Other);
        var (syntax, symbol, model) = Method(compilation);

        Assert.True(VerbAttributeSyntax.TryRead(syntax, symbol, model, out _));
        Assert.Contains(Errors(compilation), e => e.Id == "CS0104");
    }

    private static List<string> Compare(Compilation compilation, string typeName)
    {
        var read = new List<string>();
        foreach (var method in compilation.GetTypeByMetadataName(typeName)!.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
        {
            var syntax = (MethodDeclarationSyntax)method.DeclaringSyntaxReferences[0].GetSyntax();
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            if (!VerbAttributeSyntax.TryRead(syntax, method, model, out var options))
            {
                continue;
            }

            read.Add(method.Name);
            var attribute = Symbols.FindAttribute(method, TypeSupport.VerbAttributeName);
            Assert.True(attribute is not null, $"{method.Name}: the compiler finds no [Verb].");
            Assert.Equal(VerbOptions.From(attribute!), options);
        }

        return read;
    }

    private static (MethodDeclarationSyntax Syntax, IMethodSymbol Symbol, SemanticModel Model) Method(Compilation compilation)
    {
        var syntax = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Single(m => m.Identifier.ValueText == "M");
        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        return (syntax, model.GetDeclaredSymbol(syntax)!, model);
    }

    private static List<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
}
