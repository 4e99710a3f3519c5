using System.Text.Json.Serialization;

namespace Do.Lifecycle;

/// <summary>Source-generated JSON for the few strings lifecycle records quote (no reflection).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class LifecycleJsonContext : JsonSerializerContext
{
}
