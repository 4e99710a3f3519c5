namespace Do.Orleans.Tests.Support;

/// <summary>An object with a schedule: each run increments its counter "ticks".</summary>
public partial class Clock : Business
{
    protected override void Configure(Context ctx)
        => ctx.Every.Hour(async ctx => await ctx.Counter("ticks").Increment());
}
