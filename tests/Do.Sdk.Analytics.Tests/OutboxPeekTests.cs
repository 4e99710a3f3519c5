using Do.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Do.Analytics.Tests;

/// <summary>
/// The streamer looks at every object's file before activating it (<see cref="Outbox.Peek"/>), so it reads files that no
/// host of this build has migrated yet: each schema keeps its events in different tables.
/// </summary>
public sealed class OutboxPeekTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(3)]  // one events table
    [InlineData(6)]
    [InlineData(13)] // stored events, and events derived from actions
    public void An_unmigrated_file_reports_its_newest_event(int schema)
    {
        var path = Path.Combine(_folder.Path, $"schema-v{schema}.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"schema-v{schema}.db"), path);

        var (last, marks) = Outbox.Peek(path);

        Assert.Equal(NewestEvent(path, schema), last);
        Assert.True(last > 0, $"the fixture of schema {schema} has events");
        Assert.Empty(marks);
    }

    // What the file holds, read without the runtime's SQL: every event's sequence in the tables of its schema.
    private static long NewestEvent(string path, int schema)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = schema >= 12
            ? "SELECT max(s) FROM (SELECT sequence AS s FROM stored_events UNION ALL SELECT id FROM actions WHERE event IS NOT NULL)"
            : "SELECT max(sequence) FROM events";
        return (long)command.ExecuteScalar()!;
    }
}
