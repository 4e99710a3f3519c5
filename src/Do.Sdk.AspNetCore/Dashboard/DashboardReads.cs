using Do.Infrastructure;
using Do.Storage;

namespace Do.AspNetCore.Dashboard;

/// <summary>
/// Reads the dashboard needs that the object client does not offer. They only read: looking at an object must not
/// add nouns to its file (listing through the client would intern every noun the app registers).
/// </summary>
internal static class DashboardReads
{
    /// <summary>The nouns the object holds (of those this app registers), each with HEAD of its live things.</summary>
    public static Task<IReadOnlyList<(NounInfo Noun, IReadOnlyList<ThingRecord> Things)>> ThingsAsync(DashboardObject obj, CancellationToken cancellationToken)
        => obj.Target.RunAsync(activation =>
        {
            var result = new List<(NounInfo, IReadOnlyList<ThingRecord>)>();
            foreach (var noun in DoRegistry.Nouns.OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                if (activation.Database.FindNounId(noun.Name) is not null)
                {
                    result.Add((noun, activation.Database.Things.List(noun.Name)));
                }
            }

            return ValueTask.FromResult<IReadOnlyList<(NounInfo, IReadOnlyList<ThingRecord>)>>(result);
        }, cancellationToken);

    /// <summary>The sequence of the object's newest event; 0 when it has none.</summary>
    public static Task<long> LastSequenceAsync(DashboardObject obj, CancellationToken cancellationToken)
        => obj.Target.RunAsync(
            activation => ValueTask.FromResult(activation.Database.MaxEventSequence()),
            cancellationToken);

    /// <summary>Whether the object is a <see cref="Human"/>, the only kind that holds approval requests.</summary>
    public static Task<bool> IsHumanAsync(DashboardObject obj, CancellationToken cancellationToken)
        => obj.Target.RunAsync(activation => ValueTask.FromResult(activation.Instance is Human), cancellationToken);

    /// <summary>
    /// The object's approval queue without its class: the public way is generic over the user's Human subclass, which the
    /// dashboard cannot name, so it builds the queue on the untyped client (check <see cref="IsHumanAsync"/> first).
    /// </summary>
    public static HumanApprovals Approvals(DashboardObject obj) => new(obj.Client);
}
