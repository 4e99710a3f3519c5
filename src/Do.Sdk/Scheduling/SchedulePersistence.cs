using Do.Storage;

namespace Do.Scheduling;

/// <summary>Keeps an object's <c>schedules</c> table in step with the schedules its Configure declares.</summary>
internal sealed class SchedulePersistence(TimeProvider time)
{
    /// <summary>
    /// Upserts the declared schedules (keeping the due time of ones that already exist, so a restart neither skips
    /// nor repeats a slot) and removes schedules that are no longer declared.
    /// </summary>
    public void Persist(ObjectDatabase db, IReadOnlyList<ScheduleRegistration> registrations)
    {
        if (registrations.Count == 0)
        {
            using var any = db.Once("SELECT EXISTS (SELECT 1 FROM schedules)");
            if (any.ExecuteScalar() is 0L)
            {
                return; // nothing declared and nothing stored: every activation of a class without schedules skips a write transaction
            }
        }

        var now = time.GetUtcNow();
        db.InTransaction(() =>
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var registration in registrations)
            {
                declared.Add(registration.Id);
                var next = registration.NextAfter(now)?.ToUnixTimeMilliseconds();
                db.Command("""
                    INSERT INTO schedules (id, cron, time_zone, next_due_at, created_at) VALUES ($id, $cron, $zone, $next, $now)
                    ON CONFLICT (id) DO NOTHING
                    """).Bind("$id", registration.Id).Bind("$cron", registration.Cron).Bind("$zone", registration.TimeZone.Id)
                    .Bind("$next", next).Bind("$now", now.ToUnixTimeMilliseconds()).ExecuteNonQuery();
            }

            var stale = new List<string>();
            using (var reader = db.Command("SELECT id FROM schedules").ExecuteReader())
            {
                while (reader.Read())
                {
                    if (!declared.Contains(reader.GetString(0)))
                    {
                        stale.Add(reader.GetString(0));
                    }
                }
            }

            foreach (var id in stale)
            {
                db.Command("DELETE FROM schedules WHERE id = $id").Bind("$id", id).ExecuteNonQuery();
            }
        });
    }

    /// <summary>The earliest due time of the object's schedules, or null when it has none: a scalar query, part of <see cref="Hosting.ObjectActivation.NextAlarm"/>'s.</summary>
    internal const string NextDueSql = "SELECT MIN(next_due_at) FROM schedules";

    public static bool IsDue(ObjectDatabase db, string id, DateTimeOffset now)
        => db.Command("SELECT next_due_at FROM schedules WHERE id = $id").Bind("$id", id).ExecuteScalar() is long due && due <= now.ToUnixTimeMilliseconds();

    /// <summary>Records a run; the next due time is the first slot after now, so missed slots collapse into this one run.</summary>
    public static void MarkRun(ObjectDatabase db, ScheduleRegistration registration, DateTimeOffset now)
        => db.Command("UPDATE schedules SET last_run_at = $now, next_due_at = $next WHERE id = $id")
            .Bind("$now", now.ToUnixTimeMilliseconds()).Bind("$next", registration.NextAfter(now)?.ToUnixTimeMilliseconds()).Bind("$id", registration.Id)
            .ExecuteNonQuery();

    public static IReadOnlyList<ScheduleState> List(ObjectDatabase db)
    {
        var result = new List<ScheduleState>();
        using var reader = db.Command("SELECT id, cron, time_zone, next_due_at, last_run_at FROM schedules ORDER BY id").ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ScheduleState(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return result;
    }
}
