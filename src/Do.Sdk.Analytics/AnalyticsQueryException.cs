namespace Do.Analytics;

/// <summary>DuckDB refused or failed an analytics query; the message names the query and the columns of <c>events</c>.</summary>
public sealed class AnalyticsQueryException : Exception
{
    /// <summary>Creates the exception for <paramref name="sql"/>.</summary>
    public AnalyticsQueryException(string sql, Exception inner)
        : base($"The analytics query failed: {inner?.Message} Query: \"{sql}\". Expected DuckDB SQL over the view events (columns: {EventQuery.Columns}).", inner)
    {
        Sql = sql;
    }

    /// <summary>The query that failed.</summary>
    public string Sql { get; }
}
