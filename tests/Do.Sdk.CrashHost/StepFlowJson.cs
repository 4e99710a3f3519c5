using System.Text.Json.Serialization;

namespace Do.CrashHost;

/// <summary>JSON metadata for the step crash actions' output (no reflection, like the product code).</summary>
[JsonSerializable(typeof(long))]
internal sealed partial class StepFlowJson : JsonSerializerContext;
