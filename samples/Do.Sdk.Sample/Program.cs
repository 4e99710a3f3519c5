// The startup-studio sample: nouns, verbs, handlers, a schedule, time travel, and a branch merged back.
// Run it with: dotnet run --project samples/Do.Sdk.Sample
using Do;
using StartupStudio;

var dataPath = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("data", "startup-studio"));
if (Directory.Exists(dataPath))
{
    Directory.Delete(dataPath, recursive: true); // the sample starts from scratch each run
}

await using var host = await DoHost.StartAsync(o => o.DataPath = dataPath);
var studio = host.Object<Studio>("https://startups.studio");

Account.Heading("1. Nouns and verbs");
await studio.Customers.Create("alice", new Customer { Name = "Alice", Email = "alice@example.com" });
Account.Line("created Customer alice -> the Customer.created handler created Startup alice");
await studio.Startups.Create("acme", new Startup { Name = "Acme", Stage = Stage.Building });
Account.Line("created Startup acme");
await studio.Startup("acme").Prioritize(2);
await studio.Startup("acme").Tag("ai");
await studio.Startup("acme").Launch();
var acme = await studio.Startup("acme").Get();
Account.Line($"acme: priority {acme.Priority}, tags [{string.Join(", ", acme.Tags)}], stage {acme.Stage}");
Account.Line("startups: " + string.Join(", ", (await studio.Startups.List()).Select(s => $"{s.Name} (priority {s.Priority})")));

Account.Heading("2. Time travel");
foreach (var version in await studio.Startup("acme").History())
{
    Account.Line($"v{version.Version,-3} {version.Verb,-10} priority {version.Value?.Priority}, tags [{string.Join(", ", version.Value?.Tags ?? [])}], stage {version.Value?.Stage}");
}

var before = await studio.Startup("acme@~2").Get();
Account.Line($"acme@~2 (two versions back): priority {before.Priority}, tags [{string.Join(", ", before.Tags)}]");
foreach (var change in await studio.Startups.Diff("acme@~3", "acme"))
{
    Account.Line($"diff acme@~3 -> acme: {change.Field}: {change.Before} -> {change.After}");
}

Account.Heading("3. Branch, try something, merge it back");
await studio.Branch("pivot");
await studio.Checkout("pivot");
await studio.Startup("alice").Tag("fintech");
await studio.Startup("alice").Prioritize(5);
Account.Line($"on branch pivot: alice has priority {(await studio.Startup("alice").Get()).Priority}");
await studio.Checkout("main");
Account.Line($"on main:         alice has priority {(await studio.Startup("alice").Get()).Priority} (the branch's writes are invisible here)");
var merge = await studio.Merge("pivot");
Account.Line($"merged pivot into main: {merge.Changed} thing(s) changed; alice now has priority {(await studio.Startup("alice").Get()).Priority}, tags [{string.Join(", ", (await studio.Startup("alice").Get()).Tags)}]");

Account.Heading("4. Where the data lives");
var file = await studio.DatabasePath();
Account.Line($"data folder:       {host.DataPath}");
Account.Line($"catalog:           {Path.Combine(host.DataPath, "catalog.db")}");
Account.Line($"studio's database: {file}");
var schedule = (await studio.Schedules())[0];
Account.Line($"schedule:          {schedule.Cron} ({schedule.TimeZone}), next run {schedule.NextDueAt:yyyy-MM-dd HH:mm} UTC");
var actions = await studio.Actions(new ActionFilter { Limit = ActionFilter.MaxLimit });
var newest = actions[0];
var on = newest.Target.Length == 0 ? "the object itself" : newest.Target;
Account.Line($"action log:        {actions.Count} actions, the newest {newest.Verb} on {on} ({newest.Status})");
Account.Line($"try it:            sqlite3 \"{file}\" 'SELECT id, Name, Priority FROM Startup'");
