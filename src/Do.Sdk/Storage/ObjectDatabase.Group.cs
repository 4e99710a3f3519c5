using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>The shared transaction of a group commit and its members' savepoints.</summary>
internal sealed partial class ObjectDatabase
{
    /// <summary>Opens the shared transaction of a group commit; <see cref="InTransaction{T}(Func{T})"/> calls join it.</summary>
    internal void BeginGroup()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Statement("BEGIN IMMEDIATE").Execute();
        _transactionDepth = 1;
    }

    /// <summary>Commits a group: every member that did not fail becomes durable at once.</summary>
    internal void CommitGroup()
    {
        Statement("COMMIT").Execute();
        _transactionDepth = 0;
        _floorTaken = false;
        Committed();
        _committed.AddRange(_uncommitted);
        _uncommitted.Clear();
    }

    /// <summary>After a commit: lets the checkpointer count it, and finishes a checkpoint here when it asks to.</summary>
    private void Committed()
    {
        if (_checkpointer?.OnCommit() == true)
        {
            _checkpointer.FinishOn(Statement("PRAGMA wal_checkpoint(PASSIVE)"));
        }
    }

    /// <summary>Rolls a whole group back (its commit failed); nothing of it stays.</summary>
    internal void RollbackGroup()
    {
        _transactionDepth = 0;
        _uncommitted.Clear();
        _nounIds.Clear();
        Things.ForgetHeads();
        _searchIndex?.OnRollback();
        try
        {
            Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite; the error that got us here is the one to report.
        }

        RestoreRowIdFloors();
    }

    /// <summary>
    /// Starts one member of a group; returns a mark for <see cref="RollbackMember"/>. A member that runs while the shared
    /// transaction holds no other member's writes (<paramref name="first"/>; e.g. the only member of a 1-caller group)
    /// needs no savepoint: rolling the whole transaction back undoes exactly its writes, and saves two statements and a
    /// sub-journal per verb.
    /// </summary>
    internal int BeginMember(bool first)
    {
        if (!first)
        {
            Statement("SAVEPOINT member").Execute();
        }

        return _uncommitted.Count;
    }

    /// <summary>Ends a member that succeeded; its writes stay in the shared transaction.</summary>
    internal void EndMember(bool first)
    {
        if (!first)
        {
            Statement("RELEASE member").Execute();
        }
    }

    /// <summary>Undoes one failed member of a group, leaving the others' writes in the shared transaction.</summary>
    internal void RollbackMember(int mark, bool first)
    {
        _uncommitted.RemoveRange(mark, _uncommitted.Count - mark);
        _nounIds.Clear();
        Things.ForgetHeads();
        _searchIndex?.OnRollback();
        if (!first)
        {
            Command("ROLLBACK TO member").ExecuteNonQuery();
            Statement("RELEASE member").Execute();
            RestoreRowIdFloors();
            return;
        }

        try
        {
            Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back (e.g. after SQLITE_FULL); nothing of this member stays either way.
        }

        // The group goes on with the next members in a fresh transaction, as if this one had never run.
        RestoreRowIdFloors();
        Statement("BEGIN IMMEDIATE").Execute();
    }
}
