using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>
/// What an assembly declares: its nouns and durable object classes. The generator emits one registration per
/// assembly and hands it to <c>Register</c> from a module initializer, so the host never scans assemblies.
/// Nouns are keyed by their type URL, not their short name: two assemblies that each declare a <c>Startup</c> both
/// stay registered, and a lookup by the bare name that matches both fails with <see cref="AmbiguousNounException"/>
/// instead of picking one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DoRegistry
{
    /// <summary>Stands for the object's namespace in the type URL of a noun that declares none (<c>{ns}/Startup</c>).</summary>
    public const string DefaultTypeUrlPrefix = "{ns}/";

    private static readonly Lock s_lock = new();

    // Writes happen once per assembly (module initializers), reads on every by-name call: readers see immutable
    // snapshots, writers swap them under the lock.
    private static ImmutableArray<NounInfo> s_nouns = [];
    private static ImmutableDictionary<string, ImmutableArray<NounInfo>> s_nounsByName = ImmutableDictionary.Create<string, ImmutableArray<NounInfo>>(StringComparer.Ordinal);
    private static ImmutableDictionary<string, ImmutableArray<NounInfo>> s_nounsByTypeUrl = ImmutableDictionary.Create<string, ImmutableArray<NounInfo>>(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<NounInfo, NounVerbDispatcher> s_dispatchers = new(ReferenceEqualityComparer.Instance);
    private static readonly ConcurrentDictionary<string, ObjectClassInfo> s_objectsByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, ObjectClassInfo> s_objectsByType = new();

    /// <summary>Registers an assembly's nouns, verb dispatchers and object classes. Called by generated code.</summary>
    /// <param name="nouns">The assembly's nouns. Registering the same instance again changes nothing.</param>
    /// <param name="objects">The assembly's durable object classes.</param>
    /// <param name="dispatchers">Verb dispatchers by noun name; each belongs to the noun of that name in <paramref name="nouns"/>.</param>
    public static void Register(IEnumerable<NounInfo> nouns, IEnumerable<ObjectClassInfo> objects, IReadOnlyDictionary<string, NounVerbDispatcher>? dispatchers = null)
    {
        ArgumentNullException.ThrowIfNull(nouns);
        ArgumentNullException.ThrowIfNull(objects);
        var added = nouns.ToList();
        lock (s_lock)
        {
            foreach (var noun in added)
            {
                ArgumentNullException.ThrowIfNull(noun, nameof(nouns));
                if (s_nouns.Contains(noun))
                {
                    continue;
                }

                s_nouns = s_nouns.Add(noun);
                s_nounsByName = s_nounsByName.SetItem(noun.Name, s_nounsByName.GetValueOrDefault(noun.Name, []).Add(noun));
                var typeUrl = TypeUrlOf(noun);
                s_nounsByTypeUrl = s_nounsByTypeUrl.SetItem(typeUrl, s_nounsByTypeUrl.GetValueOrDefault(typeUrl, []).Add(noun));
            }
        }

        if (dispatchers is not null)
        {
            foreach (var (name, dispatcher) in dispatchers)
            {
                // The dispatcher belongs to this registration's noun of that name; a dispatcher registered on its
                // own attaches to the one registered noun of that name.
                var owner = added.Find(n => string.Equals(n.Name, name, StringComparison.Ordinal)) ?? FindNoun(name)
                    ?? throw new ArgumentException($"A verb dispatcher is registered for \"{name}\", but no noun of that name is. Register the noun with its dispatcher.", nameof(dispatchers));
                s_dispatchers[owner] = dispatcher;
            }
        }

        foreach (var info in objects)
        {
            Register(info);
        }
    }

    /// <summary>Registers one durable object class.</summary>
    public static void Register(ObjectClassInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        s_objectsByName[info.Name] = info;
        s_objectsByType[info.Type] = info;
    }

    /// <summary>Every registered noun, in registration order.</summary>
    public static IReadOnlyCollection<NounInfo> Nouns => s_nouns;

    /// <summary>Every registered object class.</summary>
    public static IReadOnlyCollection<ObjectClassInfo> Objects => [.. s_objectsByName.Values];

    /// <summary>
    /// The type URL a noun is registered under: its <see cref="NounInfo.TypeUrl"/>, or <c>{ns}/Name</c>
    /// (<see cref="DefaultTypeUrlPrefix"/>) when it takes the object's namespace.
    /// </summary>
    public static string TypeUrlOf(NounInfo noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return noun.TypeUrl ?? DefaultTypeUrlPrefix + noun.Name;
    }

    /// <summary>The noun named <paramref name="name"/>, or null when none is registered.</summary>
    /// <exception cref="AmbiguousNounException">More than one registered noun has that name; the message lists their type URLs.</exception>
    public static NounInfo? FindNoun(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var matches = s_nounsByName.GetValueOrDefault(name, []);
        return matches.Length switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new AmbiguousNounException(name, [.. matches.Select(TypeUrlOf)]),
        };
    }

    /// <summary>
    /// The noun registered under <paramref name="typeUrl"/>: an explicit <c>[Noun(Type = ...)]</c> URL, or
    /// <c>{ns}/Name</c> for a noun that takes the object's namespace. With <paramref name="ns"/>, a default type URL
    /// may also be given resolved, as <c>https://startups.studio/Startup</c>.
    /// </summary>
    /// <returns>The noun, or null when no noun has that type URL.</returns>
    /// <exception cref="AmbiguousNounException">Two registered nouns claim the same type URL.</exception>
    public static NounInfo? FindNounByTypeUrl(string typeUrl, ObjectNamespace? ns = null)
    {
        ArgumentNullException.ThrowIfNull(typeUrl);
        var matches = s_nounsByTypeUrl.GetValueOrDefault(typeUrl, []);
        if (matches.IsEmpty && ns is not null && typeUrl.Length > ns.Value.Length + 1
            && typeUrl.StartsWith(ns.Value, StringComparison.Ordinal) && typeUrl[ns.Value.Length] == '/')
        {
            typeUrl = DefaultTypeUrlPrefix + typeUrl[(ns.Value.Length + 1)..];
            matches = s_nounsByTypeUrl.GetValueOrDefault(typeUrl, []);
        }

        return matches.Length switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new AmbiguousNounException(matches[0].Name, [.. matches.Select(TypeUrlOf)]),
        };
    }

    /// <summary>The object class recorded as <paramref name="name"/>, or null.</summary>
    public static ObjectClassInfo? FindObject(string name) => s_objectsByName.GetValueOrDefault(name);

    /// <summary>The verb dispatcher of the noun named <paramref name="noun"/>, or null.</summary>
    /// <exception cref="AmbiguousNounException">More than one registered noun has that name.</exception>
    public static NounVerbDispatcher? FindDispatcher(string noun)
        => FindNoun(noun) is { } info ? FindDispatcher(info) : null;

    /// <summary>The verb dispatcher registered with <paramref name="noun"/>, or null.</summary>
    public static NounVerbDispatcher? FindDispatcher(NounInfo noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return s_dispatchers.GetValueOrDefault(noun);
    }

    /// <summary>
    /// The noun named <paramref name="name"/> for a caller that must not throw (crash recovery): null when none is registered, and
    /// null with the reason in <paramref name="problem"/> when several are.
    /// </summary>
    internal static NounInfo? TryFindNoun(string name, out string? problem)
    {
        try
        {
            problem = null;
            return FindNoun(name);
        }
        catch (AmbiguousNounException e)
        {
            problem = e.Message;
            return null;
        }
    }

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
