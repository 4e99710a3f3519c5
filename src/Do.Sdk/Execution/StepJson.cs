using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Do.Execution;

/// <summary>
/// How step results and signal values become JSON without reflection: the caller's <see cref="JsonTypeInfo{T}"/> (from
/// a <c>JsonSerializerContext</c>, or <see cref="NounJson.TypeInfo{T}"/> for a noun), else the built-in source-generated
/// metadata for primitives (string, bool, int, long, double, decimal, Guid, DateTimeOffset, TimeSpan, string lists).
/// </summary>
internal static class StepJson
{
    public static string Write<T>(T value, JsonTypeInfo<T>? info) => JsonSerializer.Serialize(value, Resolve(info));

    public static T Read<T>(string? json, JsonTypeInfo<T>? info) => json is null ? default! : JsonSerializer.Deserialize(json, Resolve(info))!;

    private static JsonTypeInfo<T> Resolve<T>(JsonTypeInfo<T>? info)
        => info ?? StepJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new NotSupportedException($"{typeof(T).Name} has no built-in JSON form for a durable step or signal. Pass its JsonTypeInfo<{typeof(T).Name}> (from a JsonSerializerContext, or NounJson.TypeInfo<{typeof(T).Name}>() for a noun); built in: string, bool, int, long, double, decimal, Guid, DateTimeOffset, TimeSpan, string[], List<string>, Dictionary<string, string>.");
}
