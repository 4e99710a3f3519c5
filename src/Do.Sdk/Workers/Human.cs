namespace Do;

/// <summary>
/// A person as a durable object. It keeps an approval queue in its own file: other objects' actions ask it with
/// <c>ctx.Human&lt;THuman&gt;(ns).Approve(…)</c> and wait durably; <c>host.Object&lt;THuman&gt;(ns).Approvals</c> lists
/// and answers the requests; <c>ctx.Worker&lt;THuman&gt;(ns)</c> also asks, has it decide or generate, or gives it a task,
/// answered through <c>host.Object&lt;THuman&gt;(ns).Requests</c>. Unanswered requests expire and escalate along their
/// <see cref="EscalationPolicy"/>.
/// </summary>
public class Human : Worker
{
    /// <summary>A person decides everything they are asked (<see cref="WorkerMode.Manual"/>): the mode documents it; nothing runs without their answer.</summary>
    public Human() => Mode = WorkerMode.Manual;
}
