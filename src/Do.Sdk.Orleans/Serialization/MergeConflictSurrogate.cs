using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="MergeConflict"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.MergeConflict")]
public readonly record struct MergeConflictSurrogate([property: Id(0)] string Noun, [property: Id(1)] string Id, [property: Id(2)] string Field, [property: Id(3)] string? Base, [property: Id(4)] string? Ours, [property: Id(5)] string? Theirs);

/// <summary>Converts <see cref="MergeConflict"/> to and from <see cref="MergeConflictSurrogate"/>.</summary>
[RegisterConverter]
public sealed class MergeConflictConverter : IConverter<MergeConflict, MergeConflictSurrogate>
{
    /// <inheritdoc />
    public MergeConflict ConvertFromSurrogate(in MergeConflictSurrogate surrogate) => new(surrogate.Noun, surrogate.Id, surrogate.Field, surrogate.Base, surrogate.Ours, surrogate.Theirs);

    /// <inheritdoc />
    public MergeConflictSurrogate ConvertToSurrogate(in MergeConflict value) => new(value.Noun, value.Id, value.Field, value.Base, value.Ours, value.Theirs);
}
