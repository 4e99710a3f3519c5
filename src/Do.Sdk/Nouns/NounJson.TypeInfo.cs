using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Do;

/// <summary>A noun's generated serializer as System.Text.Json metadata, for APIs that take a <see cref="JsonTypeInfo{T}"/>.</summary>
public static partial class NounJson
{
    /// <summary>
    /// JSON metadata for a noun that reads and writes through its generated serializer (no reflection), e.g. for
    /// <c>ctx.Step("quote", work, NounJson.TypeInfo&lt;Quote&gt;())</c>.
    /// </summary>
    public static JsonTypeInfo<T> TypeInfo<T>()
        where T : class, INoun<T>
        => NounTypeInfo<T>.Value;

    private static class NounTypeInfo<T>
        where T : class, INoun<T>
    {
        public static readonly JsonTypeInfo<T> Value = JsonMetadataServices.CreateValueInfo<T>(
            new JsonSerializerOptions { TypeInfoResolver = Execution.StepJsonContext.Default },
            new NounConverter<T>());
    }

    private sealed class NounConverter<T> : JsonConverter<T>
        where T : class, INoun<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.Write(writer, value);
    }
}
