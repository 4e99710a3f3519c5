using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="ObjectLink"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ObjectLink")]
public readonly record struct ObjectLinkSurrogate([property: Id(0)] string Namespace, [property: Id(1)] string Class, [property: Id(2)] string Role, [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>Converts <see cref="ObjectLink"/> to and from <see cref="ObjectLinkSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ObjectLinkConverter : IConverter<ObjectLink, ObjectLinkSurrogate>
{
    /// <inheritdoc />
    public ObjectLink ConvertFromSurrogate(in ObjectLinkSurrogate surrogate) => new(surrogate.Namespace, surrogate.Class, surrogate.Role, surrogate.CreatedAt);

    /// <inheritdoc />
    public ObjectLinkSurrogate ConvertToSurrogate(in ObjectLink value) => new(value.Namespace, value.Class, value.Role, value.CreatedAt);
}
