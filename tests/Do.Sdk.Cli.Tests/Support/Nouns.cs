namespace Do.Cli.Tests;

[Noun]
public partial class Startup
{
    public string Name { get; set; } = "";

    public int Priority { get; set; }

    [Verb] public void Prioritize(int by = 1) => Priority += by;

    /// <summary>Fails every attempt: a failed action for `do actions --failed`.</summary>
    [Verb(Retries = 0)]
    public Task Launch(Context ctx) => throw new InvalidOperationException($"the launch pad for {Name} is on fire");
}

[Noun]
public partial class Customer
{
    public string Name { get; set; } = "";
}

public partial class Studio : Business
{
    // Customers whose welcome already failed once: the first attempt makes a dead letter, its replay succeeds.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_refused = new(StringComparer.Ordinal);

    protected override void Configure(Context ctx)
    {
        ctx.On.Customer.Created((customer, ctx) =>
        {
            if (customer.Name.Contains("(refuse mail)", StringComparison.Ordinal) && s_refused.TryAdd(customer.Name, true))
            {
                throw new NonRetryableException($"no welcome for {customer.Name}: the mail server refused");
            }

            return Task.CompletedTask;
        });
    }
}
