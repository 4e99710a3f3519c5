using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="FieldChange"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.FieldChange")]
public readonly record struct FieldChangeSurrogate([property: Id(0)] string Field, [property: Id(1)] string? Before, [property: Id(2)] string? After);

/// <summary>Converts <see cref="FieldChange"/> to and from <see cref="FieldChangeSurrogate"/>.</summary>
[RegisterConverter]
public sealed class FieldChangeConverter : IConverter<FieldChange, FieldChangeSurrogate>
{
    /// <inheritdoc />
    public FieldChange ConvertFromSurrogate(in FieldChangeSurrogate surrogate) => new(surrogate.Field, surrogate.Before, surrogate.After);

    /// <inheritdoc />
    public FieldChangeSurrogate ConvertToSurrogate(in FieldChange value) => new(value.Field, value.Before, value.After);
}
