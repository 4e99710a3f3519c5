namespace Do;

/// <summary>The worker interface on <see cref="Context"/>.</summary>
public static class WorkerContextExtensions
{
    extension(Context ctx)
    {
        /// <summary>
        /// The worker <paramref name="ns"/> (class <typeparamref name="TWorker"/>, a <see cref="Human"/> or an
        /// <see cref="Agent"/>), to give tasks, ask, have decide, approve, generate and notify from this object's actions.
        /// </summary>
        /// <exception cref="InvalidNamespaceException"><paramref name="ns"/> is not a valid namespace URL.</exception>
        public WorkerRef<TWorker> Worker<TWorker>(string ns)
            where TWorker : Worker, new()
            => new(ctx, ctx.Object<TWorker>(ns));
    }
}
