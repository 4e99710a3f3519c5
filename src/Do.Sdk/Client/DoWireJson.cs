using System.Text.Json;
using System.Text.Json.Serialization;
using Do.Storage;
using Do.Transport;

namespace Do.Client;

/// <summary>
/// Source-generated JSON for what crosses HTTP besides things themselves (which travel as their own JSON): one
/// contract for <see cref="DoClient"/> and the server endpoints, with no reflection on either side.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<EventRecord>))]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(IReadOnlyList<ThingVersionData>))]
[JsonSerializable(typeof(IReadOnlyList<FieldChange>))]
[JsonSerializable(typeof(IReadOnlyList<DeadLetter>))]
[JsonSerializable(typeof(IReadOnlyList<ScheduleState>))]
[JsonSerializable(typeof(IReadOnlyList<ObjectLink>))]
[JsonSerializable(typeof(IReadOnlyList<MergeConflict>))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(CompactResult))]
[JsonSerializable(typeof(ActionInfo))]
[JsonSerializable(typeof(IReadOnlyList<ActionInfo>))]
[JsonSerializable(typeof(RelationEdge))]
[JsonSerializable(typeof(IReadOnlyList<RelationEdge>))]
[JsonSerializable(typeof(IReadOnlyList<SearchDocument>))]
[JsonSerializable(typeof(IReadOnlyList<ApprovalRequest>))]
[JsonSerializable(typeof(ApprovalDecision))]
internal sealed partial class DoWireJson : JsonSerializerContext
{
}
