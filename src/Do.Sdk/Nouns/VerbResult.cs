using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>What a noun verb leaves behind: the thing's new state and, for a verb that returns a value, that value.</summary>
/// <param name="State">The thing's state after the verb, as JSON.</param>
/// <param name="Output">The verb's return value as JSON (<c>{"value": …}</c>), or null when it returns nothing.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct VerbResult(string State, string? Output);
