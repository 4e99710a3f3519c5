using System.Collections.Concurrent;

namespace Do.Orleans.Tests.Support;

/// <summary>An object whose schedule runs every 2 seconds (cron with seconds) and counts its runs per object.</summary>
public partial class Ticker : Business
{
    /// <summary>How many times the schedule ran, by namespace.</summary>
    public static readonly ConcurrentDictionary<string, int> Runs = new(StringComparer.Ordinal);

    protected override void Configure(Context ctx)
        => ctx.Every.Cron("*/2 * * * * *", ctx =>
        {
            Runs.AddOrUpdate(ctx.Ns, 1, static (_, n) => n + 1);
            return Task.CompletedTask;
        });
}
