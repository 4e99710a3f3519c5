using Orleans;

namespace Do.Orleans;

/// <summary>
/// One durable object as a grain, keyed by its namespace URL. Its methods mirror <see cref="Do.Transport.IObjectTransport"/>:
/// every value crosses as names and JSON. <c>objectClass</c> on each call is the class the caller expects
/// (null when it addresses an existing object by URL), so a first call can create the object and a wrong class fails
/// with <see cref="ObjectClassMismatchException"/> as on the embedded host. Use it through
/// <see cref="ClusterClientExtensions.Object{TObject}(IClusterClient, string)"/>, not directly.
/// </summary>
[Alias("Do.Orleans.IDurableObjectGrain")]
public interface IDurableObjectGrain : IGrainWithStringKey
{
    /// <summary>Runs a verb by name; returns its output JSON or null.</summary>
    [Alias("Invoke")]
    Task<string?> Invoke(string? objectClass, VerbCallData call);

    /// <summary>A thing's JSON at a ref, or null.</summary>
    [Alias("Find")]
    Task<string?> Find(string? objectClass, string noun, string reference);

    /// <summary>A thing's JSON at a ref; <see cref="ThingNotFoundException"/> when nothing is there.</summary>
    [Alias("Get")]
    Task<string> Get(string? objectClass, string noun, string reference);

    /// <summary>HEAD of every live thing of a noun.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> List(string? objectClass, string noun);

    /// <summary>Every version of a thing, newest first.</summary>
    [Alias("History")]
    Task<IReadOnlyList<ThingVersionData>> History(string? objectClass, string noun, string id);

    /// <summary>Fields that differ between two refs.</summary>
    [Alias("Diff")]
    Task<IReadOnlyList<FieldChange>> Diff(string? objectClass, string noun, string refA, string refB);

    /// <summary>Creates (0), updates (1) or deletes (2) a thing (<see cref="Do.Transport.ThingWrite"/>).</summary>
    [Alias("Write")]
    Task Write(string? objectClass, string noun, string id, int write, string? json);

    /// <summary>Creates a branch.</summary>
    [Alias("Branch")]
    Task<string> Branch(string? objectClass, string name);

    /// <summary>Checks out a branch or a read-only view.</summary>
    [Alias("Checkout")]
    Task<string> Checkout(string? objectClass, string reference);

    /// <summary>The object's branches.</summary>
    [Alias("Branches")]
    Task<IReadOnlyList<string>> Branches(string? objectClass);

    /// <summary>What is checked out.</summary>
    [Alias("CheckedOut")]
    Task<string> CheckedOut(string? objectClass);

    /// <summary>Merges a branch with strategy None (0), Ours (1) or Theirs (2).</summary>
    [Alias("Merge")]
    Task<MergeResult> Merge(string? objectClass, string branch, int strategy);

    /// <summary>Forks the object; returns the new object's namespace.</summary>
    [Alias("Fork")]
    Task<string> Fork(string? objectClass, string to);

    /// <summary>Squashes history.</summary>
    [Alias("Compact")]
    Task<CompactResult> Compact(string? objectClass, bool force);

    /// <summary>Moves the object to a colo (its file moves) or to a silo (the grain migrates); returns where it now lives.</summary>
    [Alias("MoveTo")]
    Task<string> MoveTo(string? objectClass, string where);

    /// <summary>Events after a sequence.</summary>
    [Alias("Events")]
    Task<IReadOnlyList<EventRecord>> Events(string? objectClass, long after, int limit);

    /// <summary>Dead letters.</summary>
    [Alias("DeadLetters")]
    Task<IReadOnlyList<DeadLetter>> DeadLetters(string? objectClass, bool includeReplayed);

    /// <summary>Replays a dead letter.</summary>
    [Alias("Replay")]
    Task<bool> Replay(string? objectClass, long deadLetterId);

    /// <summary>The persisted schedules.</summary>
    [Alias("Schedules")]
    Task<IReadOnlyList<ScheduleState>> Schedules(string? objectClass);

    /// <summary>Links to other objects in a role.</summary>
    [Alias("Links")]
    Task<IReadOnlyList<ObjectLink>> Links(string? objectClass, string role);

    /// <summary>The action log, newest first, filtered and paged.</summary>
    [Alias("Actions")]
    Task<IReadOnlyList<ActionInfo>> Actions(string? objectClass, ActionFilter filter);

    /// <summary>One action, or null.</summary>
    [Alias("Action")]
    Task<ActionInfo?> Action(string? objectClass, long actionId);

    /// <summary>Undoes (<paramref name="undo"/> true) or redoes an action; returns the undo or redo action.</summary>
    [Alias("Undo")]
    Task<ActionInfo> Undo(string? objectClass, long actionId, bool undo, bool force);

    /// <summary>Deletes a branch.</summary>
    [Alias("DeleteBranch")]
    Task<string> DeleteBranch(string? objectClass, string name, bool force);

    /// <summary>Writes the records of an edge on sides Outgoing (1), Incoming (2) or Both (3) (<see cref="RelationSides"/>).</summary>
    [Alias("Relate")]
    Task<bool> Relate(string? objectClass, RelationEdge edge, int sides);

    /// <summary>Tombstones the records of an edge on the given sides.</summary>
    [Alias("Unrelate")]
    Task<bool> Unrelate(string? objectClass, RelationEdge edge, int sides);

    /// <summary>The live edges of a thing at a ref, Outgoing (0) or Incoming (1) (<see cref="RelationDirection"/>).</summary>
    [Alias("Related")]
    Task<IReadOnlyList<RelationEdge>> Related(string? objectClass, string noun, string reference, string? type, int direction);

    /// <summary>Things matching a query by FullText (0), Vector (1) or Hybrid (2) (<see cref="SearchMode"/>).</summary>
    [Alias("Search")]
    Task<IReadOnlyList<SearchDocument>> Search(string? objectClass, string noun, string query, int mode, int limit);

    /// <summary>Sends a signal with its JSON value to a durable action; true when a waiting action was woken.</summary>
    [Alias("Signal")]
    Task<bool> Signal(string? objectClass, long actionId, string signal, string? valueJson);

    /// <summary>The approval requests waiting in a Human's queue.</summary>
    [Alias("Approvals")]
    Task<IReadOnlyList<ApprovalRequest>> Approvals(string? objectClass);

    /// <summary>Answers an approval request of a Human's queue; the decision goes to the waiting action, wherever it lives.</summary>
    [Alias("Respond")]
    Task Respond(string? objectClass, long requestId, bool approved, string by, string? comment);

    /// <summary>Puts a request into a Human's queue (the escalation policy as JSON); returns the signal its decision is sent as.</summary>
    [Alias("RequestApproval")]
    Task<string> RequestApproval(string? objectClass, string text, string requester, long actionId, string? signal, string? escalationJson, TimeSpan timeout);

    /// <summary>Runs an Agent toward a goal; returns the finished run as JSON.</summary>
    [Alias("RunAgent")]
    Task<string> RunAgent(string? objectClass, string goal);

    /// <summary>Activates the object (resuming open actions, delivering undispatched events) and runs its due schedules; returns the silo it runs on.</summary>
    [Alias("Wake")]
    Task<string> Wake();
}
