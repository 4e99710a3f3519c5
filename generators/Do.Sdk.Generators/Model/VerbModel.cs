namespace Do.Sdk.Generators.Model;

/// <summary>A <c>[Verb]</c> method.</summary>
/// <param name="Name">The method name, e.g. <c>Prioritize</c>.</param>
/// <param name="Event">The event name, lower camel case, e.g. <c>prioritized</c>.</param>
/// <param name="EventMember">The event accessor name, e.g. <c>Prioritized</c>.</param>
/// <param name="Return">What the method returns.</param>
/// <param name="Retries">Retries, negative for the host default.</param>
/// <param name="TimeoutMilliseconds">Timeout, zero or negative for the host default.</param>
/// <param name="Parameters">The parameters in declaration order.</param>
/// <param name="Result">The type of the value the verb returns (<c>T</c>, <c>Task&lt;T&gt;</c>), or null when it returns none.</param>
/// <param name="RequiresApproval">True when <c>[Verb(RequiresApproval = true)]</c>: an agent asks a human before calling it.</param>
internal sealed record VerbModel(
    string Name,
    string Event,
    string EventMember,
    VerbReturn Return,
    int Retries,
    int TimeoutMilliseconds,
    EquatableArray<ParameterModel> Parameters,
    TypeRef? Result = null,
    bool RequiresApproval = false)
{
    public bool IsAsync => Return != VerbReturn.Void;
}
