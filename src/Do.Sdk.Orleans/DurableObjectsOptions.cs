namespace Do.Orleans;

/// <summary>How durable objects run on the cluster, beside the <see cref="DoHostOptions"/> of each silo's object runtime.</summary>
public sealed class DurableObjectsOptions
{
    /// <summary>Where the silos keep the objects' files. Default <see cref="StorageTopology.SharedDataRoot"/>; every silo of a cluster must use the same.</summary>
    public StorageTopology Topology { get; set; } = StorageTopology.SharedDataRoot;

    /// <summary>How long an activation waits for another activation to release an object's fence before it fails with <see cref="ObjectFencedException"/>. Default 30 s.</summary>
    public TimeSpan FenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a silo looks in its catalog for objects with a due wake-up and wakes them. Default 1 s.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the scan off, leaving schedules to the objects' reminders.
    /// </summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether each object with a next wake-up keeps one Orleans reminder for it (default true). It needs a reminder
    /// service on the silos (<c>UseInMemoryReminderService</c> in tests, a persistent one in production); without one
    /// the silo logs a warning at start and the catalog scan (<see cref="WakeInterval"/>) alone wakes objects.
    /// </summary>
    public bool Reminders { get; set; } = true;

    /// <summary>
    /// The period of an object's reminder: it first fires at the object's next due time and is then moved to the next
    /// one, so the period only matters when a tick was missed (the silo owning the reminder died) — it is how soon the
    /// tick is retried. Default 1 minute, Orleans' default minimum reminder period.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long placement waits for each silo to say whether its disk holds an object (<see cref="StorageTopology.PerSiloDisk"/>).
    /// A silo that does not answer in time counts as down. Default 10 s.
    /// </summary>
    public TimeSpan PlacementQueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the options; every problem is listed in one <see cref="InvalidOptionsException"/>.</summary>
    /// <exception cref="InvalidOptionsException">A value is out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Topology))
        {
            errors.Add($"Topology is {(int)Topology}; expected SharedDataRoot (0) or PerSiloDisk (1).");
        }

        if (FenceTimeout <= TimeSpan.Zero)
        {
            errors.Add($"FenceTimeout is {FenceTimeout}; expected a positive duration such as 00:00:30.");
        }

        if (WakeInterval <= TimeSpan.Zero && WakeInterval != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"WakeInterval is {WakeInterval}; expected a positive duration such as 00:00:01, or Timeout.InfiniteTimeSpan to turn the scan off.");
        }

        if (ReminderPeriod <= TimeSpan.Zero)
        {
            errors.Add($"ReminderPeriod is {ReminderPeriod}; expected a positive duration such as 00:01:00 (at least Orleans' ReminderOptions.MinimumReminderPeriod).");
        }

        if (PlacementQueryTimeout <= TimeSpan.Zero)
        {
            errors.Add($"PlacementQueryTimeout is {PlacementQueryTimeout}; expected a positive duration such as 00:00:10.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors);
        }
    }
}
