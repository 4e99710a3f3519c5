using Do.Sdk.Generators.Parsing;
using Do.Sdk.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Do.Sdk.Generators.Tests.Parsing;

public sealed class LiteralDefaultTests
{
    // Every kind of default a verb parameter can have, with and without literals the syntax reader takes.
    private const string Source = """"
        using System.Runtime.InteropServices;
        namespace A;
        public enum Mode { Off, Low, High }
        public static class Verbs
        {
            public const int Three = 3;
            public static void M(
                string label, int level = 3, int hex = 0x1F, int negative = -2, int constant = Three, long widened = 7, long suffixed = 7L,
                double ratio = 0.5, double whole = 2, float gain = 1.5f, float fromInt = 1, decimal price = 9.99m, decimal round = 4,
                byte small = 200, short shortValue = -1, ushort ushortValue = 65535, sbyte tiny = 5, uint unsigned = 9, ulong huge = 10UL,
                bool loud = false, bool quiet = true, char mark = 'x', string note = "a \"quoted\" note", string raw = """r""",
                string? comment = null, int? maybe = null, int? maybeOne = 1, Mode mode = Mode.High, Mode? fallback = null,
                int zero = default, List<string>? tags = null, [Optional, DefaultParameterValue(5)] int attributed)
            {
            }
        }
        """";

    [Fact]
    public void A_default_read_from_syntax_is_the_value_the_compiler_binds()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("A.Verbs")!.GetMembers("M").Single();
        var types = new JsonTypeCollector();
        int read = 0;
        foreach (var parameter in method.Parameters)
        {
            if (types.Describe(parameter.Type) is not { } type
                || !LiteralDefault.TryRead(parameter, type, out bool hasDefault, out object? value))
            {
                continue;
            }

            read++;
            Assert.True(parameter.HasExplicitDefaultValue == hasDefault, $"{parameter.Name}: has a default {parameter.HasExplicitDefaultValue}, read {hasDefault}");
            if (hasDefault)
            {
                Assert.True(Equals(parameter.ExplicitDefaultValue, value), $"{parameter.Name}: the compiler's {Show(parameter.ExplicitDefaultValue)}, read {Show(value)}");
            }
        }

        // The literals of the parameter's own type (and int literals widened to long, double, decimal, the narrower
        // integers in range, and null): the rest (constants, negatives, enum members, default, the attribute) bind.
        Assert.Equal(25, read);
    }

    [Fact]
    public void Defaults_that_need_the_compiler_are_not_read_from_syntax()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("A.Verbs")!.GetMembers("M").Single();
        var types = new JsonTypeCollector();
        var skipped = method.Parameters
            .Where(p => types.Describe(p.Type) is { } type && !LiteralDefault.TryRead(p, type, out _, out _))
            .Select(p => p.Name)
            .ToList();

        Assert.Equal(["negative", "constant", "fromInt", "shortValue", "mode", "zero", "attributed"], skipped);
    }

    private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
}
