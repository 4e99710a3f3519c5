using Microsoft.Extensions.Logging;

namespace Do.Orleans;

/// <summary>Log messages of the grains' wake-ups and hand-overs.</summary>
internal static partial class GrainLog
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not set the reminder of {Namespace}; its timer and the catalog scan still wake it")]
    public static partial void ReminderFailed(ILogger logger, string @namespace, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "{Namespace} was handed over, but silo {Silo} could not be told to let its copy go")]
    public static partial void ReleaseFailed(ILogger logger, string @namespace, string silo, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Silo {Silo} has no reminder service: objects are woken by the catalog scan (WakeInterval) and timers only. Add one (UseInMemoryReminderService in tests, a persistent one in production) or set DurableObjectsOptions.Reminders = false")]
    public static partial void NoReminderService(ILogger logger, string silo);
}
