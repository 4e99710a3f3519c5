namespace Do;

/// <summary>How much a <see cref="Worker"/> acts on its own.</summary>
public enum WorkerMode
{
    /// <summary>Acts without asking anyone.</summary>
    Autonomous,

    /// <summary>Acts, but asks a human before what needs approval.</summary>
    Supervised,

    /// <summary>Proposes; a human decides every action.</summary>
    Manual,
}
