using Orleans;

namespace Do.Orleans.Serialization;

/// <summary>How <see cref="ApprovalRequest"/> crosses between silos and clients.</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.ApprovalRequest")]
public readonly record struct ApprovalRequestSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string Requester,
    [property: Id(3)] long ActionId,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt);

/// <summary>Converts <see cref="ApprovalRequest"/> to and from <see cref="ApprovalRequestSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ApprovalRequestConverter : IConverter<ApprovalRequest, ApprovalRequestSurrogate>
{
    /// <inheritdoc />
    public ApprovalRequest ConvertFromSurrogate(in ApprovalRequestSurrogate surrogate)
        => new() { Id = surrogate.Id, Text = surrogate.Text, Requester = surrogate.Requester, ActionId = surrogate.ActionId, CreatedAt = surrogate.CreatedAt, ExpiresAt = surrogate.ExpiresAt };

    /// <inheritdoc />
    public ApprovalRequestSurrogate ConvertToSurrogate(in ApprovalRequest value)
        => new(value.Id, value.Text, value.Requester, value.ActionId, value.CreatedAt, value.ExpiresAt);
}
