using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// Prepared statements of one query shape over a branch scope, found by the scope predicate's instance (one per chain
/// shape, see <see cref="BranchScope.Sql"/>): a read on a branch or at <c>@~N</c> neither formats SQL nor hashes it.
/// </summary>
/// <param name="db">The database whose prepared statements these are.</param>
/// <param name="render">Builds the query's SQL for a scope (its predicate or its chain rows); called once per shape.</param>
internal sealed class ScopedStatements(ObjectDatabase db, Func<BranchScope, string> render)
{
    private readonly Dictionary<string, SqliteCommand> _byScope = new(ReferenceEqualityComparer.Instance);

    /// <summary>The statement for <paramref name="scope"/>, with the scope's parameters bound.</summary>
    public SqliteCommand For(BranchScope scope)
    {
        db.ThrowIfDisposed();
        if (!_byScope.TryGetValue(scope.Sql, out var command))
        {
            command = db.Command(render(scope));
            _byScope.Add(scope.Sql, command);
        }

        scope.Bind(command);
        return command;
    }
}
