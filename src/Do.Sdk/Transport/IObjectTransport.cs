using Do.Storage;

namespace Do.Transport;

/// <summary>
/// The one seam between the typed DSL and an object. <see cref="ObjectClient"/>, <see cref="ThingCollection{T}"/>,
/// <see cref="ThingRef{T}"/> and the generated accessors reach an object only through this interface, so the same
/// generated code runs against an object in this process (the embedded <see cref="DoHost"/>), over HTTP
/// (<c>Do.Client.DoClient</c>) or on an Orleans cluster.
/// </summary>
/// <remarks>
/// Everything crosses as text a remote peer can carry: nouns are passed as their <see cref="NounInfo"/> (a transport
/// sends <see cref="NounInfo.Name"/>), values and verb inputs as JSON, refs in their canonical text form. Each call is
/// one turn of the object. Implementations rethrow the object's errors as the same exception types
/// (<see cref="ThingNotFoundException"/>, <see cref="MergeConflictException"/>, <see cref="ActionFailedException"/>, …).
/// </remarks>
public interface IObjectTransport
{
    /// <summary>The namespace of the object this transport reaches.</summary>
    ObjectNamespace Namespace { get; }

    /// <summary>A transport to another object, reached the same way (a cross-object ref by URL).</summary>
    IObjectTransport For(ObjectNamespace other);

    /// <summary>
    /// This transport acting for <paramref name="actor"/>: every action its calls cause records that actor. A transport
    /// whose peer authenticates callers (HTTP) may record the authenticated principal instead.
    /// </summary>
    IObjectTransport WithActor(string actor) => throw Unsupported(nameof(WithActor));

    /// <summary>Runs a verb (on a thing, or on the object itself) and returns its output JSON, or null when it returns nothing.</summary>
    Task<string?> InvokeAsync(VerbCall call, CancellationToken cancellationToken);

    /// <summary>The thing's JSON at <paramref name="reference"/>, or null when nothing (or a delete) is there.</summary>
    Task<string?> FindAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken);

    /// <summary>The thing's JSON at <paramref name="reference"/>.</summary>
    /// <exception cref="ThingNotFoundException">Nothing, or a delete, is at that ref; the message says what is there instead.</exception>
    Task<string> GetAsync(NounInfo noun, Ref reference, CancellationToken cancellationToken);

    /// <summary>HEAD of every live thing of <paramref name="noun"/> on the checked-out branch, ordered by id, as JSON.</summary>
    Task<IReadOnlyList<string>> ListAsync(NounInfo noun, CancellationToken cancellationToken);

    /// <summary>Every version of thing <paramref name="id"/>, newest first.</summary>
    Task<IReadOnlyList<ThingVersionData>> HistoryAsync(NounInfo noun, string id, CancellationToken cancellationToken);

    /// <summary>The top-level fields that differ between two refs of a thing.</summary>
    Task<IReadOnlyList<FieldChange>> DiffAsync(NounInfo noun, string refA, string refB, CancellationToken cancellationToken);

    /// <summary>Creates (<see cref="ThingWrite.Create"/>), replaces (<see cref="ThingWrite.Update"/>) or deletes (<see cref="ThingWrite.Delete"/>) a thing.</summary>
    Task WriteAsync(NounInfo noun, string id, ThingWrite write, string? json, CancellationToken cancellationToken);

    /// <summary>Creates branch <paramref name="name"/> at the current head; returns its name.</summary>
    Task<string> BranchAsync(string name, CancellationToken cancellationToken);

    /// <summary>Checks out a branch or a read-only view; returns what is checked out.</summary>
    Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Deletes branch <paramref name="name"/> (unmerged work only with <paramref name="force"/>); returns its name.</summary>
    Task<string> DeleteBranchAsync(string name, bool force, CancellationToken cancellationToken)
        => throw Unsupported(nameof(DeleteBranchAsync));

    /// <summary>The object's branches, <c>main</c> first.</summary>
    Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken);

    /// <summary>What is checked out: a branch name, or <c>@v{n}</c> for a read-only view.</summary>
    Task<string> CheckedOutAsync(CancellationToken cancellationToken);

    /// <summary>Merges <paramref name="branch"/> into the checked-out branch.</summary>
    Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken);

    /// <summary>Forks the object to <paramref name="to"/>; returns a transport to the new object.</summary>
    Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken);

    /// <summary>Squashes history to HEAD rows.</summary>
    Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken);

    /// <summary>Moves the object's file to another colo; returns where it now lives.</summary>
    Task<string> MoveToAsync(string colo, CancellationToken cancellationToken);

    /// <summary>Events of the object with a sequence above <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Events that a handler kept failing on, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken);

    /// <summary>Runs a dead letter's handler again; true when it succeeded.</summary>
    Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken);

    /// <summary>The object's persisted schedules.</summary>
    Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken);

    /// <summary>The object's action log, newest first, filtered and paged by <paramref name="filter"/>.</summary>
    Task<IReadOnlyList<ActionInfo>> ActionsAsync(ActionFilter filter, CancellationToken cancellationToken)
        => throw Unsupported(nameof(ActionsAsync));

    /// <summary>One action, or null when there is none with that id.</summary>
    Task<ActionInfo?> ActionAsync(long actionId, CancellationToken cancellationToken)
        => throw Unsupported(nameof(ActionAsync));

    /// <summary>Undoes (<paramref name="undo"/> true) or redoes a thing write; returns the new undo or redo action.</summary>
    /// <exception cref="UndoConflictException">A later action changed a field this one changed, and <paramref name="force"/> is false.</exception>
    Task<ActionInfo> UndoAsync(long actionId, bool undo, bool force, CancellationToken cancellationToken)
        => throw Unsupported(nameof(UndoAsync));

    /// <summary>The object's links to other objects in <paramref name="role"/> (<c>parent</c>, <c>root</c>, <c>child</c>).</summary>
    Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the records of <paramref name="edge"/> this object keeps (<paramref name="sides"/>), versioned like things;
    /// true when something changed. Writing the outgoing record requires the source thing to be live here.
    /// </summary>
    /// <exception cref="ThingNotFoundException">The source thing does not exist here or is deleted.</exception>
    Task<bool> RelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
        => throw Unsupported(nameof(RelateAsync));

    /// <summary>Removes (tombstones) the records of <paramref name="edge"/> on <paramref name="sides"/>; true when it existed.</summary>
    Task<bool> UnrelateAsync(RelationEdge edge, RelationSides sides, CancellationToken cancellationToken)
        => throw Unsupported(nameof(UnrelateAsync));

    /// <summary>
    /// The live edges of the thing at <paramref name="reference"/> in <paramref name="direction"/>, optionally of one
    /// type, oldest first. A read-only ref reads the graph as it was then: <c>@v</c>/<c>@~N</c> at that version of the
    /// thing, a time as of that time, a branch at its head.
    /// </summary>
    Task<IReadOnlyList<RelationEdge>> RelatedAsync(NounInfo noun, Ref reference, string? type, RelationDirection direction, CancellationToken cancellationToken)
        => throw Unsupported(nameof(RelatedAsync));

    /// <summary>Things of <paramref name="noun"/> matching <paramref name="query"/>, best first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentException">The query has no word.</exception>
    /// <exception cref="InvalidOperationException">A vector or hybrid query without <see cref="DoHostOptions.Embeddings"/>.</exception>
    Task<IReadOnlyList<SearchDocument>> SearchAsync(NounInfo noun, string query, SearchMode mode, int limit, CancellationToken cancellationToken)
        => throw Unsupported(nameof(SearchAsync));

    /// <summary>
    /// Sends <paramref name="signal"/> with its JSON value to a durable action: it ends the action's <c>ctx.WaitFor</c>
    /// on that signal (the action then runs again) or is kept for a later one. Returns true when a waiting action was woken.
    /// </summary>
    /// <exception cref="ArgumentException">The object has no such action.</exception>
    /// <exception cref="InvalidOperationException">The action already completed, failed or was undone.</exception>
    Task<bool> SignalAsync(long actionId, string signal, string? valueJson, CancellationToken cancellationToken)
        => throw Unsupported(nameof(SignalAsync));

    /// <summary>The approval requests waiting in this <see cref="Human"/>'s queue, oldest first.</summary>
    /// <exception cref="InvalidOperationException">The object is not a <see cref="Human"/>.</exception>
    Task<IReadOnlyList<ApprovalRequest>> ApprovalsAsync(CancellationToken cancellationToken)
        => throw Unsupported(nameof(ApprovalsAsync));

    /// <summary>
    /// Answers request <paramref name="requestId"/> of this <see cref="Human"/>'s queue: the decision is recorded in the
    /// human's file, then handed to the waiting action (as its signal), wherever that action's object lives.
    /// </summary>
    /// <exception cref="ArgumentException">No request with that id, or <paramref name="by"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The request was already answered or escalated.</exception>
    Task RespondAsync(long requestId, bool approved, string by, string? comment, CancellationToken cancellationToken)
        => throw Unsupported(nameof(RespondAsync));

    /// <summary>
    /// Puts a request into this <see cref="Human"/>'s queue for action <paramref name="actionId"/> of
    /// <paramref name="requester"/>, and returns the signal its decision will be sent as (<paramref name="signal"/>
    /// when given: an escalated request keeps the one its action waits for). Called by <c>ctx.Human&lt;T&gt;(ns).Approve</c>.
    /// </summary>
    Task<string> RequestApprovalAsync(string text, string requester, long actionId, string? signal, EscalationPolicy? escalateTo, TimeSpan timeout, CancellationToken cancellationToken)
        => throw Unsupported(nameof(RequestApprovalAsync));

    /// <summary>
    /// Runs this <see cref="Agent"/> toward <paramref name="goal"/> as one durable action and returns the finished run
    /// as JSON (an <see cref="AgentRun"/>); a run that waits for a human returns when it is answered and completes.
    /// </summary>
    /// <exception cref="ArgumentException">The goal is empty, or the object is not an <see cref="Agent"/>.</exception>
    /// <exception cref="ActionFailedException">The run failed; the action log says why.</exception>
    Task<string> RunAgentAsync(string goal, CancellationToken cancellationToken)
        => throw Unsupported(nameof(RunAgentAsync));

    /// <summary>
    /// The error of a member this transport does not carry yet (the members added after the first transports shipped
    /// have default implementations that throw it, so an older transport keeps compiling and says what it lacks).
    /// </summary>
    private NotSupportedException Unsupported(string member)
        => new($"{GetType().Name} does not support {member} yet; {Namespace} can be reached for it through the embedded host (DoHost) in its own process.");
}
