using Verify = Do.Sdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Do.Sdk.Analyzers.UnsupportedTypeAnalyzer>;

namespace Do.Sdk.Analyzers.Tests;

public sealed class UnsupportedTypeAnalyzerTests
{
    [Fact]
    public async Task Supported_types_of_every_kind_are_not_reported()
    {
        const string source = """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Do;

            public enum Stage { Idea, Seed }
            public record Address(string Street, int Number);
            public record struct Point(double X, double Y);
            public class Settings { public string Theme { get; set; } = ""; public List<Point> Marks { get; set; } = []; }
            public class Tree { public Tree? Left { get; set; } public List<Tree> Children { get; set; } = []; }
            public partial class Outer { public record Inner(int X); }

            [Noun]
            public partial class Employee { public string Name { get; set; } = ""; }

            [Noun]
            public partial class Startup
            {
                public bool Active { get; set; }
                public byte B { get; set; }
                public sbyte SB { get; set; }
                public short S { get; set; }
                public ushort US { get; set; }
                public int I { get; set; }
                public uint UI { get; set; }
                public long L { get; set; }
                public ulong UL { get; set; }
                public float F { get; set; }
                public double D { get; set; }
                public decimal M { get; set; }
                public char C { get; set; }
                public string Name { get; set; } = "";
                public string? Nickname { get; set; }
                public Guid Id { get; set; }
                public DateTime Created { get; set; }
                public DateTimeOffset Updated { get; set; }
                public TimeSpan Runway { get; set; }
                public DateOnly Founded { get; set; }
                public TimeOnly Standup { get; set; }
                public Stage Stage { get; set; }
                public Stage? PreviousStage { get; set; }
                public int? Priority { get; set; }
                public int[] Scores { get; set; } = [];
                public int[][] Grid { get; set; } = [];
                public List<string> Tags { get; set; } = [];
                public IList<Guid> A { get; set; } = [];
                public ICollection<Stage> B2 { get; set; } = [];
                public IReadOnlyList<Address> Offices { get; set; } = [];
                public IReadOnlyCollection<DateOnly> Holidays { get; set; } = [];
                public IEnumerable<int?> Ratings { get; set; } = [];
                public Address? Headquarters { get; set; }
                public Point Location { get; set; }
                public Point? Pin { get; set; }
                public Settings Settings { get; set; } = new();
                public Tree Org { get; set; } = new();
                public Outer.Inner? Inner { get; set; }
                public Employee? Founder { get; set; }
                public List<Employee> Team { get; set; } = [];
                public string Motto { get; init; } = "";

                // Not stored, so not checked: read-only, private, static, or an indexer.
                public Dictionary<string, int> Computed => new();
                private object? Secret { get; set; }
                public static object? Shared { get; set; }
                public object this[int index] => index;

                [Verb] public void Rename(string name, string? nickname = null) => Name = name;
                [Verb] public void Move(Address to, Point at, Stage stage, List<Employee> team, int[] scores, DateOnly? when = null) { }
                [Verb] public async Task Launch(Context ctx, CancellationToken cancellationToken) => await ctx.Send("launched");

                // Not a verb, so not checked.
                public void Helper(Dictionary<string, int> map, Action callback) { }
            }

            public partial class Studio : Business
            {
                [Verb] public void Open(string name, Address address, Context ctx, CancellationToken token) { }
            }

            // Neither a noun nor a durable object: the generator never sees it.
            public class Plain
            {
                public Dictionary<string, int> Map { get; set; } = new();
                [Verb] public void Go(object anything) { }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Unsupported_property_types_are_reported_at_the_type_with_the_reason()
    {
        const string source = """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.IO;
            using Do;

            public class Locked { public Locked(int seed) { } public int Value { get; set; } }
            public record Bag(Dictionary<string, int> Items);
            public abstract class Shape { public int Sides { get; set; } }

            [Noun]
            public partial class Startup
            {
                public {|#0:Dictionary<string, int>|} Counts { get; set; } = new();
                public {|#1:object?|} Anything { get; set; }
                public {|#2:IComparable?|} Comparable { get; set; }
                public {|#3:Stream?|} Deck { get; set; }
                public {|#4:Lazy<string>?|} Later { get; set; }
                public {|#5:Func<int>?|} Callback { get; set; }
                public {|#6:List<object>|} Things { get; set; } = [];
                public {|#7:int[,]|} Board { get; set; } = new int[0, 0];
                public {|#8:HashSet<string>|} Unique { get; set; } = [];
                public {|#9:Uri?|} Site { get; set; }
                public {|#10:Locked?|} Safe { get; set; }
                public {|#11:Bag?|} Bag { get; set; }
                public {|#12:Shape?|} Shape { get; set; }
                public {|#13:IReadOnlyDictionary<string, string>?|} Labels { get; set; }
            }
            """;

        const string Skipped = "the property";
        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Property 'Startup.Counts'", "Dictionary<string, int>", "'Dictionary<string, int>' is a dictionary; store a list of records instead", Skipped),
            Diagnostic(1, "Property 'Startup.Anything'", "object?", "'object?' can hold any type, so a stored value could not be read back", Skipped),
            Diagnostic(2, "Property 'Startup.Comparable'", "IComparable?", "'IComparable?' is an interface, so the serializer cannot know which type to create (of the interfaces, only IList<T>, ICollection<T>, IReadOnlyList<T>, IReadOnlyCollection<T> and IEnumerable<T> are supported)", Skipped),
            Diagnostic(3, "Property 'Startup.Deck'", "Stream?", "'Stream?' is abstract, so no instance of it can be created", Skipped),
            Diagnostic(4, "Property 'Startup.Later'", "Lazy<string>?", "'Lazy<string>?' is generic, and of the generic types only List<T>, Nullable<T> and the collection interfaces are supported", Skipped),
            Diagnostic(5, "Property 'Startup.Callback'", "Func<int>?", "'Func<int>?' is a delegate, which is code, not data", Skipped),
            Diagnostic(6, "Property 'Startup.Things'", "List<object>", "'object' can hold any type, so a stored value could not be read back", Skipped),
            Diagnostic(7, "Property 'Startup.Board'", "int[,]", "only one-dimensional arrays are supported", Skipped),
            Diagnostic(8, "Property 'Startup.Unique'", "HashSet<string>", "'HashSet<string>' is generic, and of the generic types only List<T>, Nullable<T> and the collection interfaces are supported", Skipped),
            Diagnostic(9, "Property 'Startup.Site'", "Uri?", "'Uri?' is declared outside this project, so no serializer is generated for it", Skipped),
            Diagnostic(10, "Property 'Startup.Safe'", "Locked?", "'Locked?' has neither a parameterless constructor nor a constructor whose parameters all match its properties", Skipped),
            Diagnostic(11, "Property 'Startup.Bag'", "Bag?", "'Bag?' takes 'Items' in its constructor, and 'Dictionary<string, int>' is a dictionary; store a list of records instead", Skipped),
            Diagnostic(12, "Property 'Startup.Shape'", "Shape?", "'Shape?' is abstract, so no instance of it can be created", Skipped),
            Diagnostic(13, "Property 'Startup.Labels'", "IReadOnlyDictionary<string, string>?", "'IReadOnlyDictionary<string, string>?' is a dictionary; store a list of records instead", Skipped));
    }

    [Fact]
    public async Task A_type_generated_code_cannot_name_is_reported()
    {
        // The compiler objects too (a public property of a private type), but only DO0003 says the value is not stored.
        const string source = """
            #nullable enable
            using Do;

            public partial class Outer
            {
                private record Hidden(int X);

                [Noun]
                public partial class Keeper
                {
                    public {|#0:Hidden?|} {|CS0053:Kept|} { get; set; }
                }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Property 'Keeper.Kept'", "Hidden?", "'Hidden?' is not public or internal (or is nested in a generic type), so generated code cannot name it", "the property"));
    }

    [Fact]
    public async Task A_positional_record_noun_is_reported_at_its_parameter_and_skipped_whole()
    {
        const string source = """
            using System.Collections.Generic;
            using Do;

            [Noun]
            public partial record Startup(string Name, {|#0:Dictionary<string, int>|} Counts);
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Property 'Startup.Counts'", "Dictionary<string, int>", "'Dictionary<string, int>' is a dictionary; store a list of records instead", "the whole noun, because its constructor needs 'Counts'"));
    }

    [Fact]
    public async Task An_inherited_property_is_reported_on_the_noun_unless_its_class_is_a_noun()
    {
        const string source = """
            using System.Collections.Generic;
            using Do;

            public class Base
            {
                public Dictionary<string, int> Counts { get; set; } = new();
            }

            [Noun]
            public partial class {|#0:Startup|} : Base
            {
                public string Name { get; set; } = "";
            }

            [Noun]
            public partial class Company
            {
                public {|#1:object|} Owner { get; set; } = new();
            }

            [Noun]
            public partial class Subsidiary : Company
            {
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Property 'Base.Counts' (inherited by 'Startup')", "Dictionary<string, int>", "'Dictionary<string, int>' is a dictionary; store a list of records instead", "the property"),
            Diagnostic(1, "Property 'Company.Owner'", "object", "'object' can hold any type, so a stored value could not be read back", "the property"));
    }

    [Fact]
    public async Task Unsupported_verb_parameters_are_reported_on_nouns_and_durable_objects()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using Do;

            [Noun]
            public partial class Startup
            {
                [Verb] public void Tag({|#0:Dictionary<string, string>|} tags, string note, CancellationToken cancellationToken) { }
                [Verb] public void Upload(Context ctx, {|#1:Stream|} file) { }
            }

            public partial class Studio : Business
            {
                [Verb] public void Notify({|#2:Action|} done) { }
                [Verb] public void Store({|#3:IDisposable|} handle) { }
            }
            """;

        await Verify.VerifyAsync(
            source,
            Diagnostic(0, "Parameter 'tags' of verb 'Startup.Tag'", "Dictionary<string, string>", "'Dictionary<string, string>' is a dictionary; store a list of records instead", "the verb"),
            Diagnostic(1, "Parameter 'file' of verb 'Startup.Upload'", "Stream", "'Stream' is abstract, so no instance of it can be created", "the verb"),
            Diagnostic(2, "Parameter 'done' of verb 'Studio.Notify'", "Action", "'Action' is a delegate, which is code, not data", "the verb"),
            Diagnostic(3, "Parameter 'handle' of verb 'Studio.Store'", "IDisposable", "'IDisposable' is an interface, so the serializer cannot know which type to create (of the interfaces, only IList<T>, ICollection<T>, IReadOnlyList<T>, IReadOnlyCollection<T> and IEnumerable<T> are supported)", "the verb"));
    }

    [Fact]
    public async Task Half_typed_code_and_generic_verbs_are_left_to_the_compiler_and_DO0002()
    {
        const string source = """
            using System.Collections.Generic;
            using Do;

            [Noun]
            public partial class Startup
            {
                public {|CS0246:Missing|} Thing { get; set; }
                public List<{|CS0246:Unknown|}> Things { get; set; } = [];

                [Verb] public void Go({|CS0246:Nowhere|} where) { }
                [Verb] public void Tag<T>(T value) { }
            }
            """;

        await Verify.VerifyAsync(source);
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string subject, string type, string reason, string skipped) =>
        Verify.Diagnostic(Descriptors.UnsupportedType).WithLocation(location).WithArguments(subject, type, reason, skipped);
}
