using Orleans;
using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>
/// Wake-ups of an object that nobody calls: one Orleans reminder per object, due at its next wake-up (next schedule,
/// durable wait or approval expiry), which activates the grain wherever the cluster places it — after a silo restart
/// or death too — and a grain timer at the same instant while the grain is active, since reminders are meant for
/// minutes, not seconds. Either runs what is due once, however many slots were missed (as on the embedded host), and
/// the run moves both to the next wake-up.
/// </summary>
internal sealed partial class DurableObjectGrain : IRemindable
{
    /// <summary>The name of an object's one reminder.</summary>
    internal const string ReminderName = "do.wake";

    private IGrainTimer? _wakeTimer;
    private DateTimeOffset? _armedFor;
    private bool _armed;
    private bool _mayHaveReminder;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        _mayHaveReminder = true;
        await Wake();
    }

    /// <summary>After each turn: when the object's next wake-up changed, moves the timer and the reminder to it.</summary>
    private async Task ArmWakeUpsAsync()
    {
        if (!silo.TakeAlarm(_ns, out var at) || (_armed && at == _armedFor))
        {
            return;
        }

        _armed = true;
        _armedFor = at;
        _wakeTimer?.Dispose();
        _wakeTimer = null;
        var delay = at is { } due ? Max(due - silo.Host.Options.TimeProvider.GetUtcNow(), TimeSpan.Zero) : TimeSpan.Zero;
        if (at is not null)
        {
            _wakeTimer = this.RegisterGrainTimer(
                static async (grain, _) => await grain.Wake(),
                this,
                new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = false });
        }

        if (!silo.RemindersEnabled)
        {
            return;
        }

        try
        {
            if (at is not null)
            {
                await this.RegisterOrUpdateReminder(ReminderName, delay, silo.Options.ReminderPeriod);
                _mayHaveReminder = true;
            }
            else if (_mayHaveReminder && await this.GetReminder(ReminderName) is { } reminder)
            {
                // Only when this activation set one or was woken by one: most objects never have a schedule, and
                // looking in the reminder table on each of their activations would cost a read for nothing.
                await this.UnregisterReminder(reminder);
                _mayHaveReminder = false;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The timer still runs it while the grain is active, and the catalog scan (WakeInterval) when it is not.
            GrainLog.ReminderFailed(silo.Logger, _ns.Value, e);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
