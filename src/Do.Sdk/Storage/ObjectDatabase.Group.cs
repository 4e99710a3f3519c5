using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>The shared transaction of a group commit, and what undoes a failed member's writes in it.</summary>
internal sealed partial class ObjectDatabase
{
    private long? _dataVersion;

    /// <summary>Opens the shared transaction of a group commit; <see cref="InTransaction{T}(Func{T})"/> calls join it.</summary>
    internal void BeginGroup()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BeginImmediate();
        _transactionDepth = 1;
    }

    /// <summary>
    /// Opens a write transaction. When another connection committed since this one's last transaction (a tool or a
    /// second process on the file; SQLite's <c>data_version</c> tells), what this connection remembers of the tables
    /// is forgotten before anything is written: the next ids (<see cref="KnownNextSequence"/>), the HEADs and the
    /// noun keys. The write lock then keeps anyone else out until the commit.
    /// </summary>
    private void BeginImmediate()
    {
        Statement("BEGIN IMMEDIATE").Execute();
        var version = Statement("PRAGMA data_version").ExecuteInt64();
        if (version != _dataVersion)
        {
            if (_dataVersion is not null)
            {
                ForgetSequence();
                Things.ForgetHeads();
                ForgetNouns();
            }

            _dataVersion = version;
        }
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
        ForgetNouns();
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

    /// <summary>Rows changed on this connection so far (SQLite's total count).</summary>
    internal int TotalChanges => SQLitePCL.raw.sqlite3_total_changes(Connection.Handle);

    /// <summary>
    /// Equal before and after a member that wrote nothing: the rows changed (<see cref="TotalChanges"/>) and the schema
    /// statements a noun's DDL ran (<see cref="EnsureNounSchema"/>), which SQLite's count leaves out.
    /// </summary>
    internal long ChangeMark => TotalChanges + _schemaStatements;

    /// <summary>Whether a transaction is open on the connection; false once SQLite rolled it back by itself (e.g. SQLITE_FULL).</summary>
    internal bool TransactionOpen => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    /// <summary>Where the events a member is about to record start, for <see cref="ForgetMember"/>.</summary>
    internal int MemberMark => _uncommitted.Count;

    /// <summary>Forgets what a member that failed before writing anything may have noted in memory.</summary>
    internal void ForgetMember(int mark) => _uncommitted.RemoveRange(mark, _uncommitted.Count - mark);

    /// <summary>
    /// Rolls the shared transaction back and opens a new one, when a member that ran without a savepoint failed after
    /// writing: its rows cannot be taken out alone, so the members before it run again in the new transaction.
    /// </summary>
    internal void RestartGroup()
    {
        RollbackGroup();
        BeginGroup();
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
        ForgetNouns();
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
        BeginImmediate();
    }
}
