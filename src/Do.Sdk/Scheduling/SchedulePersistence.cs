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
}
