using Do.Infrastructure;
using System.Text.Json;
using Json.Schema;

namespace Do.Tests.Agents;

/// <summary>The argument schemas the generator emits accept exactly what the verbs take.</summary>
public sealed class VerbSchemaTests
{
    private static JsonSchema Schema(VerbInfo verb) => JsonSchema.FromText(verb.ArgumentsSchema!);

    private static bool Valid(VerbInfo verb, string json) => Schema(verb).Evaluate(JsonDocument.Parse(json).RootElement).IsValid;

    /// <summary>The verb's own input JSON (what the typed call records), with the thing's id, as a tool receives it.</summary>
    private static string WithId(string id, string? input)
        => input is null or "{}" ? $$"""{"id":"{{id}}"}""" : $$"""{"id":"{{id}}",""" + input[1..];

    [Fact]
    public void What_the_typed_call_records_is_valid_under_the_schema()
    {
        Assert.True(Valid(IncidentVerbs.Escalate, WithId("i-1", IncidentVerbs.EscalateInput(Severity.High))));
        Assert.True(Valid(IncidentVerbs.Assign, WithId("i-1", IncidentVerbs.AssignInput("ada", null))));
        Assert.True(Valid(IncidentVerbs.Assign, WithId("i-1", IncidentVerbs.AssignInput("ada", "on call"))));
        Assert.True(Valid(IncidentVerbs.Refund, WithId("i-1", IncidentVerbs.RefundInput(12.5m))));
    }

    [Theory]
    [InlineData("""{"to":"High"}""")]                       // no id
    [InlineData("""{"id":"i-1"}""")]                        // a required parameter missing
    [InlineData("""{"id":"i-1","to":"Severe"}""")]          // not a member of the enum
    [InlineData("""{"id":"i-1","to":2}""")]                 // enums cross as names
    [InlineData("""{"id":"i-1","to":"High","by":"me"}""")]  // a parameter the verb does not have
    public void What_the_verb_cannot_take_is_invalid(string json) => Assert.False(Valid(IncidentVerbs.Escalate, json));

    [Fact]
    public void Parameters_with_defaults_are_optional_and_nullable_ones_accept_null()
    {
        Assert.True(Valid(IncidentVerbs.Assign, """{"id":"i-1","owner":"ada"}"""));
        Assert.True(Valid(IncidentVerbs.Assign, """{"id":"i-1","owner":"ada","note":null}"""));
        Assert.False(Valid(IncidentVerbs.Assign, """{"id":"i-1","owner":null}"""));
        Assert.False(Valid(IncidentVerbs.Refund, """{"id":"i-1","amount":"ten"}"""));
    }
}
