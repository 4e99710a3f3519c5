namespace Do.Storage;

/// <summary>Where the object's connection enforces foreign keys.</summary>
internal sealed partial class ObjectDatabase
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction with SQLite's foreign keys enforced, for the operations that delete
    /// rows other rows name (compaction, deleting a branch): a bug that left a version, action or step naming a row that
    /// is gone fails there and changes nothing. Called inside a transaction, it joins that transaction as it is.
    /// <para>
    /// Everywhere else the connection runs with enforcement off, as SQLite's default is, after the migrations ran with it
    /// on. Each verb inserts an action and a version that name their noun and branch, ids the writer has just read from
    /// those tables in the same turn, and checking them again cost four lookups per verb: 2.4 µs of a member's 15 µs
    /// under 64 callers (benchmarks/README.md, write path round 12). The REFERENCES clauses stay in the schema, for the
    /// checked operations and for people reading the file. Turning enforcement on or off makes SQLite prepare each cached
    /// statement again, so it is done per operation here, never per verb.
    /// </para>
    /// </summary>
    internal T InCheckedTransaction<T>(Func<T> work)
    {
        if (IsInTransaction)
        {
            return InTransaction(work); // SQLite changes enforcement only between transactions: this one joins, as it is
        }

        Statement("PRAGMA foreign_keys = ON").Execute();
        try
        {
            return InTransaction(work);
        }
        finally
        {
            Statement("PRAGMA foreign_keys = OFF").Execute();
        }
    }

    /// <inheritdoc cref="InCheckedTransaction{T}(Func{T})"/>
    internal void InCheckedTransaction(Action work)
        => InCheckedTransaction(() =>
        {
            work();
            return 0;
        });
}
