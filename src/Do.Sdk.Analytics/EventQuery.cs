using DuckDB.NET.Data;

namespace Do.Analytics;

/// <summary>Runs SQL on an in-memory DuckDB with a view <c>events</c> over every published Parquet file.</summary>
internal static class EventQuery
{
    // AT is a keyword in DuckDB (time travel: AT (VERSION => …)), so the column is always written quoted.
    public const string Columns = "id, type, type_url, source, thing, actor, action, verb, version, \"at\", data";

    // With no file yet the view is an empty relation of the same columns, so queries still bind.
    private const string EmptyView = """
        CREATE VIEW events AS SELECT NULL::VARCHAR AS id, NULL::VARCHAR AS type, NULL::VARCHAR AS type_url,
            NULL::VARCHAR AS source, NULL::VARCHAR AS thing, NULL::VARCHAR AS actor, NULL::BIGINT AS action,
            NULL::VARCHAR AS verb, NULL::BIGINT AS version, NULL::TIMESTAMP AS "at", NULL::VARCHAR AS data
        LIMIT 0
        """;

    public static List<IReadOnlyDictionary<string, object?>> Run(string folder, string sql, IReadOnlyList<object?> parameters)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var view = connection.CreateCommand())
        {
            var hasFiles = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*" + ParquetLayout.Extension, SearchOption.AllDirectories).Any();
            view.CommandText = hasFiles
                ? $"CREATE VIEW events AS SELECT {Columns} FROM read_parquet('{Literal(Path.Combine(folder, "**", "*" + ParquetLayout.Extension))}', union_by_name = true, hive_partitioning = false)"
                : EmptyView;
            view.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        }

        List<IReadOnlyDictionary<string, object?>> rows;
        try
        {
            using var reader = command.ExecuteReader();
            rows = [];
            while (reader.Read())
            {
                var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        catch (DuckDBException e)
        {
            throw new AnalyticsQueryException(sql, e);
        }

        return rows;
    }

    private static string Literal(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
