namespace Do;

/// <summary>
/// Which actions <c>client.Actions(filter)</c> returns: newest first, at most <see cref="Limit"/>, optionally only
/// one status, verb, actor, thing or time window. Page with <see cref="Before"/> = the last id of the previous page.
/// </summary>
public sealed record ActionFilter
{
    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only actions in this status.</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>Only actions of this verb (exact, case-sensitive).</summary>
    public string? Verb { get; init; }

    /// <summary>Only actions caused by this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only actions on this thing (its local id).</summary>
    public string? Target { get; init; }

    /// <summary>Only actions recorded at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only actions recorded before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only actions with an id below this one: the cursor of the next page.</summary>
    public long? Before { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Throws when the filter cannot be run.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside 1..1000, or the window ends before it starts.</exception>
    public void Validate()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"The page size must be between 1 and {MaxLimit}.");
        }

        if (Since is { } since && Until is { } until && until < since)
        {
            throw new ArgumentOutOfRangeException(nameof(Until), until, $"The window ends ({until:O}) before it starts ({since:O}).");
        }
    }
}
