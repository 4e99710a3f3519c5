using Do.Execution;
using Do.Hosting;

namespace Do.Transport;

/// <summary>Queued verb calls (<c>AsQueued()</c>): recorded as a pending durable action, run after the call returns.</summary>
internal sealed partial class InProcessTransport
{
    private async Task<string?> QueueAsync(NounInfo noun, string id, VerbInfo verb, string? inputJson, string actor, CancellationToken cancellationToken)
    {
        ObjectActivation? owner = null;
        var actionId = await Target.RunAsync(
            activation =>
            {
                Enter(activation, actor);
                var db = activation.Database;
                db.Branches.RequireWritable();
                var name = activation.EnsureNoun(noun);
                var nounId = db.NounId(name);
                var before = db.Things.RequireLive(nounId, name, id);
                activation.MarkPending();
                owner = activation;

                // Autocommitted before the call returns: from here a crash leaves it pending, and the next start runs it.
                return ValueTask.FromResult(db.Actions.InsertPending(verb.Name, actor, id, nounId, db.Branches.Current, inputJson, before.Version, Durability.Do));
            },
            cancellationToken).ConfigureAwait(false);
        owner!.ResumeLater(actionId);
        return null;
    }
}
