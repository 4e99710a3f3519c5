namespace Do.Sdk.Generators.Model;

/// <summary>Where a verb parameter's value comes from.</summary>
internal enum ParameterRole
{
    /// <summary>An argument: exposed on the typed method and recorded in the action's input JSON.</summary>
    Value,

    /// <summary>A <c>Do.Context</c>: the context of the turn, not exposed.</summary>
    Context,

    /// <summary>A <c>CancellationToken</c>: the caller's token, not recorded.</summary>
    CancellationToken,
}
