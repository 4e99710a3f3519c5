using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="EventRecord"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.EventRecord")]
public readonly record struct EventRecordSurrogate([property: Id(0)] long Sequence, [property: Id(1)] string Type, [property: Id(2)] string Source, [property: Id(3)] string? Thing, [property: Id(4)] long? Version, [property: Id(5)] long? ActionId, [property: Id(6)] string? Data, [property: Id(7)] DateTimeOffset At, [property: Id(8)] DateTimeOffset? DispatchedAt);

/// <summary>Converts <see cref="EventRecord"/> to and from <see cref="EventRecordSurrogate"/>.</summary>
[RegisterConverter]
public sealed class EventRecordConverter : IConverter<EventRecord, EventRecordSurrogate>
{
    /// <inheritdoc />
    public EventRecord ConvertFromSurrogate(in EventRecordSurrogate surrogate) => new() { Sequence = surrogate.Sequence, Type = surrogate.Type, Source = surrogate.Source, Thing = surrogate.Thing, Version = surrogate.Version, ActionId = surrogate.ActionId, Data = surrogate.Data, At = surrogate.At, DispatchedAt = surrogate.DispatchedAt };

    /// <inheritdoc />
    public EventRecordSurrogate ConvertToSurrogate(in EventRecord value) => new(value.Sequence, value.Type, value.Source, value.Thing, value.Version, value.ActionId, value.Data, value.At, value.DispatchedAt);
}
