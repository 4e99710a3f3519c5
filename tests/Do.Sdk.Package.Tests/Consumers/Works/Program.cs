using Do;

// The packed Do.Sdk as a user meets it. PackagedConsumerTests runs this with a data folder and checks what it
// prints. Swap in nouns, verbs and the generated DSL here as the generator provides them.
if (args is not [var dataPath])
{
    Console.Error.WriteLine("usage: Works <data folder>");
    return 2;
}

await using var host = await DoHost.StartAsync(o => o.DataPath = dataPath);
var acme = host.Object<Business>("https://acme.example");

await acme.Run(ctx => ctx.Things.Create("Note", "n1", """{"text":"hi"}"""));
var note = await acme.Run(ctx => ctx.Things.Get("Note", "n1"));

Console.WriteLine($"note n1: {note?.Data}");
Console.WriteLine($"objects: {string.Join(", ", host.Catalog().Select(entry => entry.Namespace))}");
return 0;
