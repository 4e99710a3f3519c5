namespace Do.Orleans;

/// <summary>How durable objects run on the cluster, beside the <see cref="DoHostOptions"/> of each silo's object runtime.</summary>
public sealed class DurableObjectsOptions
{
    /// <summary>How long an activation waits for another activation to release an object's fence before it fails with <see cref="ObjectFencedException"/>. Default 30 s.</summary>
    public TimeSpan FenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo looks for objects with a due schedule and wakes them. Default 1 s.</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the options; every problem is listed in one <see cref="InvalidOptionsException"/>.</summary>
    /// <exception cref="InvalidOptionsException">A value is out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (FenceTimeout <= TimeSpan.Zero)
        {
            errors.Add($"FenceTimeout is {FenceTimeout}; expected a positive duration such as 00:00:30.");
        }

        if (WakeInterval <= TimeSpan.Zero)
        {
            errors.Add($"WakeInterval is {WakeInterval}; expected a positive duration such as 00:00:01.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOptionsException(errors);
        }
    }
}
