namespace Do;

/// <summary>
/// What happens to an approval request nobody answered in time: it moves to the next human (each gets the same
/// timeout), and after the last one either a default decision is given or the request stays with the last human.
/// </summary>
public sealed record EscalationPolicy
{
    /// <summary>The humans to ask next, in order, as namespaces.</summary>
    public IReadOnlyList<string> Humans { get; init; } = [];

    /// <summary>The class of those humans (as registered), so each is activated as a <see cref="Human"/>.</summary>
    public string? HumanClass { get; init; }

    /// <summary>The decision given when the last human's time runs out too; null leaves the request with them.</summary>
    public bool? DefaultApproved { get; init; }

    /// <summary>Escalates to <paramref name="humans"/> (objects of class <typeparamref name="THuman"/>) in order.</summary>
    public static EscalationPolicy To<THuman>(params string[] humans)
        where THuman : Human, new()
    {
        ArgumentNullException.ThrowIfNull(humans);
        foreach (var ns in humans)
        {
            ObjectNamespace.Parse(ns);
        }

        return new EscalationPolicy { Humans = humans, HumanClass = DoRegistry.ForType<THuman>().Name };
    }

    /// <summary>Decides <paramref name="approved"/> (by <c>policy</c>) when the time runs out, with no one else asked.</summary>
    public static EscalationPolicy Decide(bool approved) => new() { DefaultApproved = approved };

    /// <summary>This policy, deciding <paramref name="approved"/> after its last human's time runs out.</summary>
    public EscalationPolicy ThenDecide(bool approved) => this with { DefaultApproved = approved };
}
