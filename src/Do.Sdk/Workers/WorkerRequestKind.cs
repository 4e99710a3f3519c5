namespace Do;

/// <summary>What a request in a worker's queue asks for; the names of the worker interface's verbs.</summary>
public enum WorkerRequestKind
{
    /// <summary><c>Approve</c>: approved or not, answered with <c>Respond(id, approved, by, comment)</c>.</summary>
    Approve,

    /// <summary><c>Ask</c> (and <c>Generate</c>): a free answer, given with <c>Answer(id, answer, by)</c>.</summary>
    Ask,

    /// <summary><c>Decide</c>: one of <see cref="WorkerRequest.Options"/>, given with <c>Answer(id, option, by)</c>.</summary>
    Decide,

    /// <summary><c>Do</c>: a task; the answer is its result, given with <c>Answer(id, result, by)</c> once it is done.</summary>
    Do,
}
