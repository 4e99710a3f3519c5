namespace Do.Storage;

/// <summary>The step journal of durable actions (ctx.Step, Sleep, WaitFor, the AI primitives).</summary>
public sealed partial class ObjectDatabase
{
    private StepStore? _steps;

    internal StepStore Steps => _steps ??= new StepStore(this);
}
