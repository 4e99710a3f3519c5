namespace Do.Benchmarks.Support;

/// <summary>An object with one handler on <c>Startup.prioritized</c>.</summary>
public sealed class OneHandlerStudio : Business
{
    protected override void Configure(Context ctx) => ctx.On.Subscribe("Startup.prioritized", static (_, _) => Task.CompletedTask);
}

/// <summary>An object with ten handlers on <c>Startup.prioritized</c>.</summary>
public sealed class TenHandlerStudio : Business
{
    protected override void Configure(Context ctx)
    {
        for (int i = 0; i < 10; i++)
        {
            ctx.On.Subscribe("Startup.prioritized", static (_, _) => Task.CompletedTask);
        }
    }
}

/// <summary>An object that defines one durable action, <c>noop</c>, for <c>ctx.Do</c>.</summary>
public sealed class ActionStudio : Business
{
    protected override void Configure(Context ctx) => ctx.Define("noop", static (_, _) => Task.FromResult<string?>(null));
}
