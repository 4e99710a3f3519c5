namespace Do.Sdk.Generators.Model;

/// <summary>
/// How a verb completes: at once (a pure state transition), or through a task (it may have effects). A verb of any of
/// these may also return a value (<see cref="VerbModel.Result"/>): <c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>.
/// </summary>
internal enum VerbReturn
{
    Void,
    Task,
    ValueTask,
}
