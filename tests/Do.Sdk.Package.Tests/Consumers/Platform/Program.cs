using System.Globalization;
using Do;

// What issues 11 and 20 promise, from the packed package: a verb that returns a value, compaction after a branch
// with a write and a dead letter, a cancelled caller that leaves no action in limbo, undo/redo with actors, and a
// durable custom event. PackagedConsumerTests runs it with a data folder and checks what it prints.
if (args is not [var dataPath])
{
    Console.Error.WriteLine("usage: Platform <data folder>");
    return 2;
}

await using var host = await DoHost.StartAsync(o =>
{
    o.DataPath = dataPath;
    o.Actions.MaxRetries = 0;
    o.Actions.HandlerRetries = 0;
});
var shop = host.Object<Shop>("https://shop.example");

await shop.Invoices.Create("inv-1", new Invoice { Amount = 10m });
int lines = await shop.Invoice("inv-1").AddLine("tea", 2.5m);
decimal total = await shop.Invoice("inv-1").Total();
Console.WriteLine(Invariant($"value: lines {lines}, total {total}"));

await shop.Branch("draft");
await shop.Checkout("draft");
await shop.Invoice("inv-1").AddLine("cake", 4m);
await shop.Checkout("main");
await shop.Invoices.Create("bad", new Invoice { Amount = 1m }); // its created handler throws: a dead letter
var dead = await shop.DeadLetters();
await shop.Compact(force: true);
Console.WriteLine($"compact: dead letters {dead.Count} then {(await shop.DeadLetters()).Count}, branches {string.Join(",", await shop.Branches())}");

using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
{
    try
    {
        await shop.Invoice("inv-1").Settle(cancel.Token);
        Console.WriteLine("cancel: not cancelled");
    }
    catch (OperationCanceledException)
    {
        var settle = (await shop.Actions(new ActionFilter { Verb = "Settle" }))[0];
        var invoice = await shop.Invoice("inv-1").Get();
        Console.WriteLine($"cancel: action {settle.Status}, settled {invoice.Settled}");
    }
}

await shop.As("alice").Invoice("inv-1").AddLine("jam", 1m);
var add = (await shop.Actions(new ActionFilter { Verb = "AddLine", Limit = 1 }))[0];
await shop.As("bob").Undo(add.Id);
decimal undone = await shop.Invoice("inv-1").Total();
await shop.Redo(add.Id);
decimal redone = await shop.Invoice("inv-1").Total();
var undo = (await shop.Actions(new ActionFilter { Verb = "undo" }))[0];
Console.WriteLine(Invariant($"undo: {add.Actor} added, {undo.Actor} undid, total {undone} then {redone}"));

await shop.As("carol").Invoice("inv-1").Close();
Console.WriteLine($"emit: {string.Join(";", Shop.Closed)}");
return 0;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

[Noun]
public partial class Invoice
{
    public decimal Amount { get; set; }
    public List<string> Lines { get; set; } = new();
    public bool Settled { get; set; }
    public bool Closed { get; set; }

    [Verb] public decimal Total() => Amount;

    [Verb]
    public int AddLine(string line, decimal price)
    {
        Lines.Add(line);
        Amount += price;
        return Lines.Count;
    }

    [Verb]
    public async Task Settle(Context ctx)
    {
        await Task.Delay(TimeSpan.FromMinutes(5), ctx.Time, ctx.CancellationToken);
        Settled = true;
    }

    [Verb]
    public async Task Close(Context ctx)
    {
        Closed = true;
        ctx.Emit("invoice.closed", "{\"lines\":" + Lines.Count.ToString(CultureInfo.InvariantCulture) + "}");
        await Task.CompletedTask;
    }
}

public partial class Shop : Business
{
    public static readonly List<string> Closed = [];

    protected override void Configure(Context ctx)
    {
        ctx.On.Invoice.Created((invoice, ctx) => invoice.Amount == 1m ? throw new InvalidOperationException("no invoices of 1") : Task.CompletedTask);
        ctx.On.Event("invoice.closed", (e, ctx) =>
        {
            Closed.Add($"{e.Type} {e.Data} by {ctx.Actor}");
            return Task.CompletedTask;
        });
    }
}
