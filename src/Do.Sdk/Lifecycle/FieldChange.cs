namespace Do;

/// <summary>One top-level field that differs between two versions of a thing.</summary>
/// <param name="Field">The JSON field name, or <c>$deleted</c> when the thing exists at only one of the refs.</param>
/// <param name="Before">The value at the first ref (JSON), or null when absent.</param>
/// <param name="After">The value at the second ref (JSON), or null when absent.</param>
public sealed record FieldChange(string Field, string? Before, string? After);
