using Microsoft.Data.Sqlite;

namespace Do.Benchmarks.Support;

/// <summary>Starts hosts and raw connections the same way in every benchmark.</summary>
public static class BenchHost
{
    public const string Ns = "https://bench.example";

    /// <summary>
    /// A host on <paramref name="dataPath"/>. The scheduler and idle sweep are slowed down so their timers do not
    /// add noise to sub-second iterations; nothing in the benchmarks is scheduled.
    /// </summary>
    public static Task<DoHost> StartAsync(string dataPath, SynchronousMode synchronous = SynchronousMode.Normal, int maxActiveObjects = 10_000, Action<DoHostOptions>? configure = null)
        => DoHost.StartAsync(o =>
        {
            o.DataPath = dataPath;
            o.Synchronous = synchronous;
            o.IdleTimeout = TimeSpan.FromHours(1);
            o.SchedulerInterval = TimeSpan.FromMinutes(10);
            o.MaxActiveObjects = maxActiveObjects;

            // DO_BENCH_EXCLUSIVE=1 measures DoHostOptions.ExclusiveFileLocking against the default in separate runs.
            o.ExclusiveFileLocking = Environment.GetEnvironmentVariable("DO_BENCH_EXCLUSIVE") == "1";
            configure?.Invoke(o);
        });

    /// <summary>A raw connection with the pragmas <c>ObjectDatabase.Open</c> sets.</summary>
    public static SqliteConnection OpenRaw(string path, SynchronousMode synchronous)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(int)synchronous};
            PRAGMA foreign_keys = ON;
            PRAGMA busy_timeout = 5000;
            """;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, 0L));
        }

        command.Prepare();
        return command;
    }
}
