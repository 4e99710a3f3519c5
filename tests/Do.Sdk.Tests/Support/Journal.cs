using System.Collections.Concurrent;

namespace Do.Tests.Support;

/// <summary>
/// What test objects saw (hooks, handlers), keyed by namespace. Objects are created by the host, so tests cannot hold
/// the instance; each test uses namespaces of its own (<see cref="NewNamespace"/>), so parallel tests never mix.
/// </summary>
public static class Journal
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_entries = new(StringComparer.Ordinal);

    public static void Add(string ns, string entry) => s_entries.GetOrAdd(ns, _ => new()).Enqueue(entry);

    public static IReadOnlyList<string> Of(string ns) => s_entries.TryGetValue(ns, out var q) ? [.. q] : [];

    public static string NewNamespace(string name = "test") => $"https://{name}-{Guid.NewGuid():N}.example";
}
