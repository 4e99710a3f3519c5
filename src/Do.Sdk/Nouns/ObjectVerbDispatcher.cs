using System.ComponentModel;

namespace Do.Infrastructure;

/// <summary>Invokes an object-level verb by name on a live object instance, with its input as JSON; returns its output JSON (or null).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ValueTask<string?> ObjectVerbDispatcher(DurableObject instance, string verb, string? inputJson, Context context);
