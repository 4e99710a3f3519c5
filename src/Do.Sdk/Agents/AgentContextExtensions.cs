namespace Do;

/// <summary>Agent members on <see cref="Context"/>.</summary>
public static class AgentContextExtensions
{
    extension(Context ctx)
    {
        /// <summary>
        /// The tools the agent offers its model: <c>ctx.Tools.Add&lt;Ticket&gt;()</c> in an <see cref="Agent"/>'s
        /// <c>Configure</c> offers <c>Ticket_{Verb}</c>, <c>Ticket_Get</c> and <c>Ticket_List</c>.
        /// </summary>
        /// <exception cref="InvalidOperationException">The object is not an <see cref="Agent"/>.</exception>
        public AgentTools Tools
            => ctx.Activation.Instance is Agent agent
                ? agent.Tools
                : throw new InvalidOperationException($"ctx.Tools is for agents: {ctx.Activation.Instance.GetType().Name} at {ctx.Ns} derives from {ctx.Activation.Instance.GetType().BaseType?.Name}, not Agent. Declare it as `partial class {ctx.Activation.Instance.GetType().Name} : Agent` to offer tools to a model.");
    }
}
