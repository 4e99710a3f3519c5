using Do;

namespace StartupStudio;

/// <summary>The studio: one durable object, one SQLite file, holding customers and startups.</summary>
public partial class Studio : Business
{
    protected override void Configure(Context ctx)
    {
        // Every new customer gets a startup of their own.
        ctx.On.Customer.Created(async (customer, ctx) =>
            await ctx.Startups.Create(customer.Name.ToLowerInvariant(), new Startup { Name = customer.Name + " Labs" }));

        ctx.On.Startup.Prioritized((startup, ctx) =>
        {
            Account.Line($"  on Startup.prioritized: {startup.Name} is now at priority {startup.Priority}");
            return Task.CompletedTask;
        });

        ctx.On.Startup.Launched((startup, ctx) =>
        {
            Account.Line($"  on Startup.launched: {startup.Name} is {startup.Stage}");
            return Task.CompletedTask;
        });

        // Monday mornings the flagship moves up; the schedule survives restarts and runs once after downtime.
        ctx.Every.Monday.At9am(ctx => ctx.Startup("acme").Prioritize());
    }
}
