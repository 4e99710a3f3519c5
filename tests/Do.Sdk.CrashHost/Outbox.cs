using System.Runtime.CompilerServices;
using Do.Infrastructure;

namespace Do.CrashHost;

/// <summary>
/// The emit crash test's object, registered by hand: a handler of <c>ledger.closed</c> (emitted with
/// <c>ctx.Emit</c> by <see cref="Counter.Close"/>). With <see cref="Block"/> it announces "dispatching" and never
/// returns, so the test can kill the process after the event committed and before its dispatch finished; otherwise it
/// appends "delivered {sequence} {data} by {actor}" to the side-effect file and signals <see cref="Delivered"/>.
/// </summary>
internal sealed class Outbox : Business
{
    public const string ClosedEvent = Counter.ClosedEvent;

    public static bool Block { get; set; }

    public static TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void Configure(Context ctx)
    {
        ctx.On.Event(ClosedEvent, async (e, ctx) =>
        {
            if (Block)
            {
                Console.WriteLine("dispatching");
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }

            await using (var file = new FileStream(Counter.SideEffectFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"delivered {e.Sequence} {e.Data} by {ctx.Actor}\n"));
                file.Flush(flushToDisk: true);
            }

            Delivered.TrySetResult();
        });
    }

    [ModuleInitializer]
    internal static void Register() => DoRegistry.Register(new ObjectClassInfo(nameof(Outbox), typeof(Outbox), static () => new Outbox()));
}
