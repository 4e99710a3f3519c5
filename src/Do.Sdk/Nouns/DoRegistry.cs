using System.Collections.Concurrent;

namespace Do;

/// <summary>
/// What an assembly declares: its nouns and durable object classes. The generator emits one registration per
/// assembly and hands it to <c>Register</c> from a module initializer, so the host never scans assemblies.
/// </summary>
public static class DoRegistry
{
    private static readonly ConcurrentDictionary<string, NounInfo> s_nouns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ObjectClassInfo> s_objectsByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, ObjectClassInfo> s_objectsByType = new();
    private static readonly ConcurrentDictionary<string, NounVerbDispatcher> s_dispatchers = new(StringComparer.Ordinal);

    /// <summary>Registers an assembly's nouns, verb dispatchers and object classes. Called by generated code.</summary>
    public static void Register(IEnumerable<NounInfo> nouns, IEnumerable<ObjectClassInfo> objects, IReadOnlyDictionary<string, NounVerbDispatcher>? dispatchers = null)
    {
        ArgumentNullException.ThrowIfNull(nouns);
        ArgumentNullException.ThrowIfNull(objects);
        foreach (var noun in nouns)
        {
            s_nouns[noun.Name] = noun;
        }

        foreach (var info in objects)
        {
            Register(info);
        }

        if (dispatchers is not null)
        {
            foreach (var (noun, dispatcher) in dispatchers)
            {
                s_dispatchers[noun] = dispatcher;
            }
        }
    }

    /// <summary>Registers one durable object class.</summary>
    public static void Register(ObjectClassInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        s_objectsByName[info.Name] = info;
        s_objectsByType[info.Type] = info;
    }

    /// <summary>Every registered noun.</summary>
    public static IReadOnlyCollection<NounInfo> Nouns => [.. s_nouns.Values];

    /// <summary>Every registered object class.</summary>
    public static IReadOnlyCollection<ObjectClassInfo> Objects => [.. s_objectsByName.Values];

    /// <summary>The noun named <paramref name="name"/>, or null.</summary>
    public static NounInfo? FindNoun(string name) => s_nouns.GetValueOrDefault(name);

    /// <summary>The object class recorded as <paramref name="name"/>, or null.</summary>
    public static ObjectClassInfo? FindObject(string name) => s_objectsByName.GetValueOrDefault(name);

    /// <summary>The verb dispatcher of noun <paramref name="noun"/>, or null.</summary>
    public static NounVerbDispatcher? FindDispatcher(string noun) => s_dispatchers.GetValueOrDefault(noun);

    /// <summary>The registration of <typeparamref name="T"/>, registering it with its parameterless constructor when absent.</summary>
    internal static ObjectClassInfo ForType<T>()
        where T : DurableObject, new()
        => s_objectsByType.TryGetValue(typeof(T), out var info)
            ? info
            : s_objectsByType.GetOrAdd(typeof(T), static t =>
            {
                var created = new ObjectClassInfo(t.FullName ?? t.Name, t, static () => new T());
                s_objectsByName.TryAdd(created.Name, created);
                return created;
            });
}
