using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="CompactResult"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.CompactResult")]
public readonly record struct CompactResultSurrogate([property: Id(0)] long RowsBefore, [property: Id(1)] long RowsAfter, [property: Id(2)] long BytesBefore, [property: Id(3)] long BytesAfter, [property: Id(4)] int ArchivedActions, [property: Id(5)] int ArchivedEvents, [property: Id(6)] string? ArchivePath);

/// <summary>Converts <see cref="CompactResult"/> to and from <see cref="CompactResultSurrogate"/>.</summary>
[RegisterConverter]
public sealed class CompactResultConverter : IConverter<CompactResult, CompactResultSurrogate>
{
    /// <inheritdoc />
    public CompactResult ConvertFromSurrogate(in CompactResultSurrogate surrogate) => new(surrogate.RowsBefore, surrogate.RowsAfter, surrogate.BytesBefore, surrogate.BytesAfter, surrogate.ArchivedActions, surrogate.ArchivedEvents, surrogate.ArchivePath);

    /// <inheritdoc />
    public CompactResultSurrogate ConvertToSurrogate(in CompactResult value) => new(value.RowsBefore, value.RowsAfter, value.BytesBefore, value.BytesAfter, value.ArchivedActions, value.ArchivedEvents, value.ArchivePath);
}
