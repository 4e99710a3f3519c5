namespace Do.Orleans;

/// <summary>The grain's calls added with the action log, branch deletion, edges and search; each is one turn of the object.</summary>
internal sealed partial class DurableObjectGrain
{
    public Task<IReadOnlyList<ActionInfo>> Actions(string? objectClass, ActionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Run(objectClass, t => t.ActionsAsync(filter, CancellationToken.None));
    }

    public Task<ActionInfo?> Action(string? objectClass, long actionId) => Run(objectClass, t => t.ActionAsync(actionId, CancellationToken.None));

    public Task<ActionInfo> Undo(string? objectClass, long actionId, bool undo, bool force) => Run(objectClass, t => t.UndoAsync(actionId, undo, force, CancellationToken.None));

    public Task<string> DeleteBranch(string? objectClass, string name, bool force) => Run(objectClass, t => t.DeleteBranchAsync(name, force, CancellationToken.None));

    public Task<bool> Relate(string? objectClass, RelationEdge edge, int sides)
    {
        var chosen = SidesOf(sides);
        return Run(objectClass, t => t.RelateAsync(edge, chosen, CancellationToken.None));
    }

    public Task<bool> Unrelate(string? objectClass, RelationEdge edge, int sides)
    {
        var chosen = SidesOf(sides);
        return Run(objectClass, t => t.UnrelateAsync(edge, chosen, CancellationToken.None));
    }

    public Task<IReadOnlyList<RelationEdge>> Related(string? objectClass, string noun, string reference, string? type, int direction)
    {
        if (!Enum.IsDefined((RelationDirection)direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Expected 0 (Outgoing) or 1 (Incoming).");
        }

        return Run(objectClass, t => t.RelatedAsync(NounOf(noun), Ref.Parse(reference), type, (RelationDirection)direction, CancellationToken.None));
    }

    public Task<IReadOnlyList<SearchDocument>> Search(string? objectClass, string noun, string query, int mode, int limit)
    {
        if (!Enum.IsDefined((SearchMode)mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Expected 0 (FullText), 1 (Vector) or 2 (Hybrid).");
        }

        return Run(objectClass, t => t.SearchAsync(NounOf(noun), query, (SearchMode)mode, limit, CancellationToken.None));
    }

    private static RelationSides SidesOf(int sides)
        => sides is >= 1 and <= 3 ? (RelationSides)sides
            : throw new ArgumentOutOfRangeException(nameof(sides), sides, "Expected 1 (Outgoing), 2 (Incoming) or 3 (Both).");
}
