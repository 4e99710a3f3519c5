using Orleans;

namespace Do.Orleans;

/// <summary>A <see cref="Do.Transport.VerbCall"/> as it crosses to a grain: names, JSON and the durability, never a delegate.</summary>
[GenerateSerializer, Immutable, Alias("Do.Orleans.VerbCallData")]
public sealed record VerbCallData
{
    /// <summary>The noun's name; null for an object-level verb.</summary>
    [Id(0)] public string? Noun { get; init; }

    /// <summary>The thing's local id; null for an object-level verb.</summary>
    [Id(1)] public string? Id { get; init; }

    /// <summary>The verb's name.</summary>
    [Id(2)] public required string Verb { get; init; }

    /// <summary>The verb's arguments as a JSON object, or null.</summary>
    [Id(3)] public string? InputJson { get; init; }

    /// <summary>The <see cref="Durability"/> as its number.</summary>
    [Id(4)] public int Durability { get; init; } = (int)global::Do.Durability.Do;

    /// <summary>Queued (<c>AsQueued()</c>): the grain answers once the action is recorded as pending; it runs after.</summary>
    [Id(5)] public bool Queued { get; init; }
}
