namespace Do.Sdk.Generators.Tests.Support;

/// <summary>User code the tests feed the generator.</summary>
internal static class Sources
{
    public const string IssueProgram = """
        using Do;

        namespace Studio.App;

        [Noun]
        public partial class Customer
        {
            public string Name { get; set; } = "";

            [Indexed] public string Email { get; set; } = "";
        }

        [Noun]
        public partial class Startup
        {
            public string Name { get; set; } = "";

            public int Priority { get; set; }

            public List<string> Tags { get; set; } = new();

            [Verb] public void Prioritize(int by = 1) => Priority += by;

            [Verb] public void Tag(string tag) => Tags.Add(tag);
        }

        public partial class Studio : Business
        {
            protected override void Configure(Context ctx)
            {
                ctx.On.Customer.Created(async (customer, ctx) => await ctx.Startups.Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name }));
                ctx.On.Startup.Prioritized((startup, ctx) => { Console.WriteLine($"{startup.Name} -> {startup.Priority}"); return Task.CompletedTask; });
                ctx.Every.Monday.At9am(ctx => ctx.Startup("acme").Prioritize());
            }
        }

        public static class Program
        {
            public static async Task Main()
            {
                await using var host = await DoHost.StartAsync(o => o.DataPath = "data");
                var studio = host.Object<Studio>("https://startups.studio");
                await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
                await studio.Startups.Create("acme", new Startup { Name = "Acme" });
                await studio.Startup("acme").Prioritize(2);
                await studio.Startup("acme").Tag("ai");
                Startup now = await studio.Startup("acme").Get();
                Startup before = await studio.Startup("acme@~1").Get();
                IReadOnlyList<Startup> all = await studio.Startups.List();
            }
        }
        """;

    public const string AllPropertyTypes = """
        using Do;

        namespace Catalog;

        public enum Stage { Idea, Seed, Growth, Public = 10 }

        [Flags]
        public enum Perks : byte { None = 0, Remote = 1, Equity = 2, Default = Remote }

        public sealed class Address
        {
            public string Street { get; set; } = "";
            public string? City { get; set; }
            public Address? Previous { get; set; }
        }

        public sealed record Money(decimal Amount, string Currency);

        public struct Point
        {
            public double X { get; set; }
            public double Y { get; set; }
        }

        public sealed class Tagged
        {
            public string Label { get; init; } = "";
            public int Weight { get; set; } = 1;
        }

        [Noun]
        public partial class Everything
        {
            public bool Flag { get; set; }
            public byte Byte { get; set; }
            public sbyte SByte { get; set; }
            public short Short { get; set; }
            public ushort UShort { get; set; }
            public int Int { get; set; }
            public uint UInt { get; set; }
            public long Long { get; set; }
            public ulong ULong { get; set; }
            public float Float { get; set; }
            public double Double { get; set; }
            public decimal Decimal { get; set; }
            public char Char { get; set; }
            public string Text { get; set; } = "";
            public string? MaybeText { get; set; }
            public DateTime When { get; set; }
            public DateTimeOffset At { get; set; }
            public Guid Key { get; set; }
            public TimeSpan Duration { get; set; }
            public DateOnly Day { get; set; }
            public TimeOnly Time { get; set; }
            public Stage Stage { get; set; }
            public Perks Perks { get; set; }
            public int? MaybeInt { get; set; }
            public Stage? MaybeStage { get; set; }
            public DateTimeOffset? MaybeAt { get; set; }
            public List<int> Numbers { get; set; } = new();
            public string[] Names { get; set; } = [];
            public IReadOnlyList<Guid> Keys { get; set; } = [];
            public IList<string?> Notes { get; set; } = new List<string?>();
            public List<List<int>> Grid { get; set; } = new();
            public List<int?>? Sparse { get; set; }
            public Address Home { get; set; } = new();
            public Address? Work { get; set; }
            public Money Price { get; set; } = new(0m, "EUR");
            public Point Location { get; set; }
            public Point? Target { get; set; }
            public List<Tagged> Labels { get; set; } = new();
            public string Computed => Text + "!";
        }
        """;

    public const string IndexedProperties = """
        using Do;

        namespace Crm;

        [Noun]
        public partial class Lead
        {
            [Indexed] public string Email { get; set; } = "";
            [Indexed] public int Score { get; set; }
            public string Notes { get; set; } = "";
            [Indexed] public DateTimeOffset? ContactedAt { get; set; }
        }
        """;

    public const string PluralAndEventOverrides = """
        using Do;

        namespace People;

        [Noun]
        public partial class Person
        {
            public string Name { get; set; } = "";
        }

        [Noun(Plural = "Folk", Type = "https://schema.org/Person")]
        public partial class Member
        {
            public bool Live { get; set; }

            [Verb(Event = "wentLive")] public void Launch() => Live = true;

            [Verb(Event = "Archived", Retries = 3, TimeoutMilliseconds = 2500)] public void Shelve() => Live = false;
        }

        [Noun]
        public partial class Sheep
        {
            public int Wool { get; set; }
        }
        """;

    public const string IrregularVerbs = """
        using Do;

        namespace Shop;

        [Noun]
        public partial class Order
        {
            public string Status { get; set; } = "";

            [Verb] public void Pay() => Status = "paid";
            [Verb] public void Send() => Status = "sent";
            [Verb] public void Buy() => Status = "bought";
            [Verb] public void Ship() => Status = "shipped";
            [Verb] public void Copy() => Status = "copied";
            [Verb] public void Stop() => Status = "stopped";
            [Verb] public void Create() => Status = "created";
            [Verb] public void SendInvoice() => Status = "invoiced";
        }
        """;

    public const string AsyncVerbTakingContext = """
        using Do;

        namespace Launchpad;

        [Noun]
        public partial class Rocket
        {
            public string Name { get; set; } = "";
            public DateTimeOffset? LaunchedAt { get; set; }
            public List<string> Log { get; set; } = new();

            [Verb(Retries = 5)]
            public async Task Launch(Context ctx)
            {
                await Task.Yield();
                LaunchedAt = ctx.Now;
            }

            [Verb]
            public ValueTask Note(string message, Context ctx, CancellationToken cancellationToken)
            {
                Log.Add($"{ctx.Ns}: {message}");
                return ValueTask.CompletedTask;
            }
        }
        """;

    public const string ParametersWithDefaults = """
        using Do;

        namespace Settings;

        public enum Mode { Off, Low, High }

        [Noun]
        public partial class Dial
        {
            public string Summary { get; set; } = "";

            [Verb]
            public void Configure(
                string label,
                int level = 3,
                bool loud = false,
                double ratio = 0.5,
                decimal price = 9.99m,
                long big = -4_000_000_000L,
                char mark = 'x',
                string note = "a \"quoted\" note",
                Mode mode = Mode.High,
                Mode? fallback = null,
                string? comment = null,
                float gain = 1.5f,
                List<string>? tags = null)
                => Summary = $"{label} {level} {loud} {ratio} {price} {big} {mark} {note} {mode} {fallback} {comment} {gain} {tags?.Count}";
        }
        """;

    public const string NestedNamespaces = """
        using Do;

        namespace Acme.Sales.Crm
        {
            namespace Deals
            {
                [Noun]
                public partial class Deal
                {
                    public string Title { get; set; } = "";
                    public decimal Amount { get; set; }

                    [Verb] public void Discount(decimal percent) => Amount -= Amount * percent / 100m;
                }
            }
        }
        """;

    public const string NestedTypes = """
        using Do;

        namespace Garden;

        public static partial class Plants
        {
            public partial class Beds
            {
                [Noun]
                public partial class Leaf
                {
                    public string Color { get; set; } = "green";
                    public Detail Info { get; set; } = new();

                    [Verb] public void Fall() => Color = "brown";

                    public sealed class Detail
                    {
                        public int Veins { get; set; }
                    }
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using Do;

        [Noun]
        public partial class Box
        {
            public int Size { get; set; }

            [Verb] public void Grow(int by) => Size += by;
        }

        [Noun]
        internal partial class Bus
        {
            public int Seats { get; set; }
        }
        """;

    public const string ObjectLevelVerbs = """
        using Do;

        namespace Ops;

        public enum Level { Info, Warn }

        public partial class Console : App
        {
            public int Resets { get; private set; }

            [Verb] public void Reset() => Resets++;

            [Verb] public void Broadcast(string message, Level level = Level.Info) { }

            [Verb(Retries = 2)] public async Task Rebuild(Context ctx, int shards = 4) => await Task.Delay(0);

            public void NotAVerb() { }
        }

        public partial class Quiet : Entity
        {
        }

        public abstract partial class Base : Business
        {
        }

        public partial class Derived : Base
        {
        }

        public partial class Derived
        {
            [Verb] public void Ping() { }
        }
        """;

    public const string NounsReferringToEachOther = """
        using Do;

        namespace Org;

        [Noun]
        public partial class Company
        {
            public string Name { get; set; } = "";
            public List<Employee> Staff { get; set; } = new();
            public Employee? Ceo { get; set; }

            [Verb] public void Hire(Employee employee) => Staff.Add(employee);
        }

        [Noun]
        public partial class Employee
        {
            public string Name { get; set; } = "";
            public Company? Employer { get; set; }
            public Employee? Manager { get; set; }
        }
        """;

    public const string RecordsAndInitOnly = """
        using Do;

        namespace Ledger;

        public sealed record Line(string Sku, int Quantity, decimal Price)
        {
            public string? Memo { get; init; }
        }

        [Noun]
        public partial record Invoice
        {
            public string Number { get; init; } = "";
            public List<Line> Lines { get; set; } = new();
            public bool Paid { get; set; }

            [Verb] public void Pay() => Paid = true;
        }
        """;

    public const string VerbsReturningValues = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Do;

        namespace Billing;

        public sealed record Quote(decimal Amount, string Currency);

        [Noun]
        public partial class Order
        {
            public decimal Amount { get; set; }
            public List<string> Lines { get; set; } = new();

            [Verb] public decimal Total() => Amount;
            [Verb] public int AddLine(string line) { Lines.Add(line); return Lines.Count; }
            [Verb] public async Task<Quote> Price(Context ctx) { await Task.Yield(); return new Quote(Amount * 1.2m, "EUR"); }
            [Verb] public ValueTask<string?> Note() => new((string?)null);
        }

        public partial class Till : Business
        {
            [Verb] public int Open(int drawers) => drawers * 2;
            [Verb] public async Task<List<string>> Audit() { await Task.Yield(); return ["ok"]; }
        }
        """;
}
