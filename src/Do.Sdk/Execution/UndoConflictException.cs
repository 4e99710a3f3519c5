namespace Do;

/// <summary>
/// An undo (or redo) would overwrite a later change: some field the action changed has changed again since. Nothing
/// was written. <see cref="Conflicts"/> lists every such field with its value after the action and its value now;
/// pass <c>force: true</c> to restore anyway.
/// </summary>
public sealed class UndoConflictException : InvalidOperationException
{
    /// <summary>Creates the exception for action <paramref name="actionId"/>.</summary>
    public UndoConflictException(long actionId, string target, IReadOnlyList<FieldChange> conflicts)
        : base($"Action {actionId} on \"{target}\" cannot be undone: a later action changed {string.Join(", ", (conflicts ?? []).Select(c => $"{c.Field} (then {c.Before ?? "absent"}, now {c.After ?? "absent"})"))}. Nothing was written; pass force: true to restore anyway.")
    {
        ActionId = actionId;
        Target = target;
        Conflicts = conflicts ?? [];
    }

    /// <summary>The action that was to be undone.</summary>
    public long ActionId { get; }

    /// <summary>The thing it changed.</summary>
    public string Target { get; }

    /// <summary>Each field changed since: <see cref="FieldChange.Before"/> is its value right after the action, <see cref="FieldChange.After"/> its value now.</summary>
    public IReadOnlyList<FieldChange> Conflicts { get; }
}
