using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="ScheduleState"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ScheduleState")]
public readonly record struct ScheduleStateSurrogate([property: Id(0)] string Id, [property: Id(1)] string Cron, [property: Id(2)] string TimeZone, [property: Id(3)] DateTimeOffset? NextDueAt, [property: Id(4)] DateTimeOffset? LastRunAt);

/// <summary>Converts <see cref="ScheduleState"/> to and from <see cref="ScheduleStateSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ScheduleStateConverter : IConverter<ScheduleState, ScheduleStateSurrogate>
{
    /// <inheritdoc />
    public ScheduleState ConvertFromSurrogate(in ScheduleStateSurrogate surrogate) => new(surrogate.Id, surrogate.Cron, surrogate.TimeZone, surrogate.NextDueAt, surrogate.LastRunAt);

    /// <inheritdoc />
    public ScheduleStateSurrogate ConvertToSurrogate(in ScheduleState value) => new(value.Id, value.Cron, value.TimeZone, value.NextDueAt, value.LastRunAt);
}
