using Orleans.Runtime;

namespace Do.Orleans;

/// <summary>Which silos said their disk holds an object, and which did not answer (down, or too slow).</summary>
internal sealed record DiskSearch(IReadOnlyList<SiloAddress> Holders, IReadOnlyList<SiloAddress> Unanswered);
