using System.Text.Json;

namespace Do;

/// <summary>
/// Implemented by the generator on every <c>[Noun]</c> class: static, reflection-free access to the noun's
/// metadata and its JSON form. The runtime's typed collections and refs call these members; user code does not
/// need to.
/// </summary>
/// <typeparam name="TSelf">The noun class.</typeparam>
public interface INoun<TSelf>
    where TSelf : class, INoun<TSelf>
{
    /// <summary>The noun's name, plural, type URL, properties, verbs and schema.</summary>
    static abstract NounInfo Noun { get; }

    /// <summary>Writes <paramref name="value"/> as one JSON object.</summary>
    static abstract void Write(Utf8JsonWriter writer, TSelf value);

    /// <summary>
    /// Reads one JSON object written by <see cref="Write"/>, like a <c>JsonConverter</c>: the reader starts on the
    /// <c>StartObject</c> token and is left on the matching <c>EndObject</c>. Unknown properties are skipped.
    /// </summary>
    static abstract TSelf Read(ref Utf8JsonReader reader);
}
