using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>
/// The step journal: per durable action, one row per step in call order (<c>seq</c>), either done with its result or
/// waiting on a timer or a signal; plus signals that arrived before their <c>WaitFor</c>. Each write is its own small
/// transaction unless one is open, so a step that returned is journaled before the action goes on.
/// </summary>
internal sealed class StepStore(ObjectDatabase db)
{
    private const string Select = "SELECT action, seq, name, kind, status, result, signal, wake_at, timed_out FROM steps";

    public StepRecord? Get(long action, int seq)
        => Read(db.Command(Select + " WHERE action = $action AND seq = $seq").Bind("$action", action).Bind("$seq", seq)) is [var step, ..] ? step : null;

    /// <summary>Every step of an action, in call order.</summary>
    public IReadOnlyList<StepRecord> Of(long action)
        => Read(db.Command(Select + " WHERE action = $action ORDER BY seq").Bind("$action", action));

    /// <summary>The step an action is suspended in, if any.</summary>
    public StepRecord? WaitingOf(long action)
        => Read(db.Command(Select + " WHERE action = $action AND status = 'waiting' ORDER BY seq DESC LIMIT 1").Bind("$action", action)) is [var step, ..] ? step : null;

    /// <summary>Waits whose timer is due by <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<StepRecord> DueWaits(long now)
        => Read(db.Command(Select + " WHERE status = 'waiting' AND wake_at IS NOT NULL AND wake_at <= $now ORDER BY wake_at, action").Bind("$now", now));

    /// <summary>The earliest timer of a waiting step, or null: a scalar query, part of <see cref="Hosting.ObjectActivation.NextAlarm"/>'s.</summary>
    internal const string NextWakeSql = "SELECT MIN(wake_at) FROM steps WHERE status = 'waiting'";

    public void Done(long action, int seq, string name, string kind, string? result)
    {
        var now = db.NowMilliseconds();
        db.Command("""
            INSERT INTO steps (action, seq, name, kind, status, result, created_at, completed_at) VALUES ($action, $seq, $name, $kind, 'done', $result, $now, $now)
            ON CONFLICT (action, seq) DO UPDATE SET status = 'done', result = excluded.result, completed_at = excluded.completed_at
            """).Bind("$action", action).Bind("$seq", seq).Bind("$name", name).Bind("$kind", kind).Bind("$result", result).Bind("$now", now).ExecuteNonQuery();
    }

    public void Wait(long action, int seq, string name, string kind, string? signal, long? wakeAt)
    {
        db.Command("""
            INSERT INTO steps (action, seq, name, kind, status, signal, wake_at, created_at) VALUES ($action, $seq, $name, $kind, 'waiting', $signal, $wake, $now)
            ON CONFLICT (action, seq) DO NOTHING
            """).Bind("$action", action).Bind("$seq", seq).Bind("$name", name).Bind("$kind", kind).Bind("$signal", signal).Bind("$wake", wakeAt).Bind("$now", db.NowMilliseconds()).ExecuteNonQuery();
    }

    /// <summary>Ends a wait: with the signal's value, or (<paramref name="timedOut"/>) because its timer came first.</summary>
    public void Wake(long action, int seq, string? result, bool timedOut)
        => db.Command("UPDATE steps SET status = 'done', result = $result, timed_out = $timedOut, completed_at = $now WHERE action = $action AND seq = $seq AND status = 'waiting'")
            .Bind("$result", result).Bind("$timedOut", timedOut ? 1 : 0).Bind("$now", db.NowMilliseconds()).Bind("$action", action).Bind("$seq", seq).ExecuteNonQuery();

    /// <summary>Keeps a signal for an action that is not waiting on it yet (the last value of a name wins).</summary>
    public void Buffer(long action, string signal, string? value)
        => db.Command("INSERT INTO step_signals (action, signal, value, created_at) VALUES ($action, $signal, $value, $now) ON CONFLICT (action, signal) DO UPDATE SET value = excluded.value, created_at = excluded.created_at")
            .Bind("$action", action).Bind("$signal", signal).Bind("$value", value).Bind("$now", db.NowMilliseconds()).ExecuteNonQuery();

    /// <summary>Takes a buffered signal: true (with its value) when one was there; it is removed.</summary>
    public bool TryTake(long action, string signal, out string? value)
    {
        using var reader = db.Command("SELECT value FROM step_signals WHERE action = $action AND signal = $signal").Bind("$action", action).Bind("$signal", signal).ExecuteReader();
        if (!reader.Read())
        {
            value = null;
            return false;
        }

        value = reader.IsDBNull(0) ? null : reader.GetString(0);
        reader.Close();
        db.Command("DELETE FROM step_signals WHERE action = $action AND signal = $signal").Bind("$action", action).Bind("$signal", signal).ExecuteNonQuery();
        return true;
    }

    private static List<StepRecord> Read(SqliteCommand command)
    {
        var result = new List<StepRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StepRecord(
                reader.GetInt64(0),
                (int)reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4) == "done",
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetInt64(8) != 0));
        }

        return result;
    }
}
