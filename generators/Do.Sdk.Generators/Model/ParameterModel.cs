namespace Do.Sdk.Generators.Model;

/// <summary>A verb parameter.</summary>
/// <param name="Name">The parameter name (unescaped).</param>
/// <param name="Type">The type, or null for context and cancellation token parameters.</param>
/// <param name="Role">Where its value comes from.</param>
/// <param name="DefaultValue">The C# default value expression, or null when the parameter is required.</param>
internal sealed record ParameterModel(string Name, TypeRef? Type, ParameterRole Role, string? DefaultValue);
