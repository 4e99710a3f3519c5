using Do.Hosting;
using Do.Storage;

namespace Do.Execution;

/// <summary>The synchronous verb: a pure state transition, its version, action and event written in one transaction.</summary>
internal static partial class VerbExecution
{
    /// <summary>
    /// Runs a synchronous verb. Kept apart from <see cref="RunActionAsync"/> so that the most frequent call allocates none
    /// of the async path's closures (the retry pipeline's lambdas capture that method's locals), builds its
    /// <see cref="WriteOptions"/> once, and inside a group commit's transaction writes without a transaction delegate.
    /// </summary>
    private static async ValueTask<string?> RunSyncAsync(ObjectActivation activation, NounInfo noun, string id, VerbInfo verb, string? inputJson, Durability durability, Apply apply)
    {
        var db = activation.Database;
        db.Branches.RequireWritable();
        var name = activation.EnsureNoun(noun);
        var nounId = db.NounId(name);
        var actor = ActorScope.Resolve(null);
        var head = db.Things.RequireLive(nounId, name, id);
        var (json, output) = await apply(head.Data!, activation.Context).ConfigureAwait(false);
        var options = new WriteOptions { Verb = verb.Name, Event = verb.Event, Input = inputJson, Durability = durability, Actor = actor, Output = output };

        // A synchronous verb runs start to finish inside the turn, so HEAD cannot move under it: no second read.
        if (db.IsInTransaction)
        {
            // A group commit's member: the group (ObjectActivation.RunGroupAsync) undoes a failed write.
            db.Things.Append(nounId, name, id, json, head, verb.Name, verb.Event, options, json);
        }
        else
        {
            AppendInTransaction(db, nounId, name, id, json, head, verb, options);
        }

        return output;
    }

    private static void AppendInTransaction(ObjectDatabase db, long nounId, string name, string id, string json, ThingRecord head, VerbInfo verb, WriteOptions options)
        => db.InTransaction(() => db.Things.Append(nounId, name, id, json, head, verb.Name, verb.Event, options, json));
}
