using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="MergeResult"/> crosses between silos and clients (Orleans serializes only types it generated code for).</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.MergeResult")]
public readonly record struct MergeResultSurrogate([property: Id(0)] string Branch, [property: Id(1)] string Target, [property: Id(2)] int Changed, [property: Id(3)] MergeConflict[] Resolved);

/// <summary>Converts <see cref="MergeResult"/> to and from <see cref="MergeResultSurrogate"/>.</summary>
[RegisterConverter]
public sealed class MergeResultConverter : IConverter<MergeResult, MergeResultSurrogate>
{
    /// <inheritdoc />
    public MergeResult ConvertFromSurrogate(in MergeResultSurrogate surrogate) => new(surrogate.Branch, surrogate.Target, surrogate.Changed, surrogate.Resolved);

    /// <inheritdoc />
    public MergeResultSurrogate ConvertToSurrogate(in MergeResult value) => new(value.Branch, value.Target, value.Changed, [.. value.Resolved]);
}
