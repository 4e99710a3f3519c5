using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>Invokes a noun verb by name: reads the state JSON, applies the verb, returns the new state JSON and its output.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ValueTask<VerbResult> NounVerbDispatcher(string stateJson, string verb, string? inputJson, Context context);
