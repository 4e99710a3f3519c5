namespace Do;

/// <summary>
/// Something that addresses one object's things: the <see cref="Context"/> inside an object, or an
/// <see cref="ObjectClient"/> outside it. The generator's typed accessors (<c>ctx.Startups</c>,
/// <c>ctx.Startup("acme")</c>) are C# 14 extension members on this interface.
/// </summary>
public interface IObjectScope
{
    /// <summary>The namespace of the object addressed.</summary>
    ObjectNamespace Namespace { get; }

    /// <summary>The typed collection of <typeparamref name="T"/> things in this object.</summary>
    ThingCollection<T> Collection<T>()
        where T : class, INoun<T>;

    /// <summary>
    /// A typed ref to one thing: a local ref (<c>acme</c>, <c>acme@~1</c>) in this object, or a full one
    /// (<c>https://other.example/acme</c>) in another object.
    /// </summary>
    /// <exception cref="InvalidRefException">The ref is malformed.</exception>
    ThingRef<T> Ref<T>(string reference)
        where T : class, INoun<T>;
}
