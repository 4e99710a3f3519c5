// Verbs that return a value (issue 11, bug 4): on a noun, sync and async, and on an object class.
namespace Do.Tests.Generated.ValueVerbs;

public sealed record Quote(decimal Amount, string Currency);

[Noun]
public partial class Invoice
{
    public decimal Amount { get; set; }

    public List<string> Lines { get; set; } = new();

    [Verb] public decimal Total() => Amount;

    [Verb]
    public int AddLine(string line, decimal price)
    {
        Lines.Add(line);
        Amount += price;
        return Lines.Count;
    }

    [Verb]
    public async Task<Quote> Price(Context ctx)
    {
        await Task.Yield();
        return new Quote(Amount * 1.2m, ctx.Ns.EndsWith("/eu", StringComparison.Ordinal) ? "EUR" : "USD");
    }
}

public partial class Till : Business
{
    public int Drawers { get; private set; }

    [Verb]
    public int Open(int drawers)
    {
        Drawers += drawers;
        return Drawers;
    }
}
