using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Do;

/// <summary>Reads and writes nouns as JSON text through their generated, reflection-free serializers.</summary>
public static partial class NounJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Serialises <paramref name="value"/> to JSON text.</summary>
    public static string Serialize<T>(T value)
        where T : class, INoun<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        T.Write(writer, value);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes one JSON object with <paramref name="write"/> and returns its text; used by generated verb methods to
    /// record their arguments (<c>{"by":2}</c>) without allocating a closure.
    /// </summary>
    public static string WriteObject<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        writer.WriteStartObject();
        write(writer, state);
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a <typeparamref name="T"/> from JSON text.</summary>
    /// <exception cref="JsonException">The text is not a JSON object of the expected shape.</exception>
    public static T Deserialize<T>(string json)
        where T : class, INoun<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        var max = Encoding.UTF8.GetMaxByteCount(json.Length);
        byte[]? rented = null;
        Span<byte> bytes = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, bytes);
            var reader = new Utf8JsonReader(bytes[..length]);
            reader.Read();
            return T.Read(ref reader);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
