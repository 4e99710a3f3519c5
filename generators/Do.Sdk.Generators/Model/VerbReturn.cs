namespace Do.Sdk.Generators.Model;

/// <summary>What a verb returns: nothing (a pure state transition), or a task (it may have effects).</summary>
internal enum VerbReturn
{
    Void,
    Task,
    ValueTask,
}
