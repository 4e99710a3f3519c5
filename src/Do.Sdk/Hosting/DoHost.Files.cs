using Do.Hosting;
using Do.Storage;
using Microsoft.Extensions.Logging;

namespace Do;

/// <summary>The host's object files: opening and cataloguing them, colos, and writing forks.</summary>
public sealed partial class DoHost
{
    /// <summary>Opens (creating and cataloguing if new) the database of <paramref name="ns"/>. Called inside the object's first turn.</summary>
    internal (ObjectDatabase Database, ObjectClassInfo Class) OpenObject(ObjectNamespace ns, ObjectClassInfo? expected)
    {
        lock (_openLock)
        {
            var entry = _catalog.Find(ns);
            if (entry is null)
            {
                if (expected is null)
                {
                    throw new ObjectNotFoundException(ns.Value);
                }

                // Written completely (migrated) before it is registered: a crash in between leaves an orphan file, never a catalog row without one.
                var relative = ObjectPaths.RelativeFile(ns);
                var full = ObjectPaths.Resolve(DataPath, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                var created = ObjectDatabase.Open(full, ns, Options.Synchronous, Time);
                try
                {
                    _catalog.Add(new CatalogEntry(ns.Value, expected.Name, relative, Time.GetUtcNow()));
                }
                catch
                {
                    created.Dispose();
                    throw;
                }

                return (created, expected);
            }

            var classInfo = expected ?? DoRegistry.FindObject(entry.Class)
                ?? throw new InvalidOperationException($"{ns} is a {entry.Class}, which is not registered in this process. Reference the assembly that declares it, or address it as host.Object<{entry.Class}>(\"{ns}\").");
            if (classInfo.Name != entry.Class)
            {
                throw new ObjectClassMismatchException(ns.Value, entry.Class, classInfo.Name);
            }

            return (ObjectDatabase.Open(ObjectPaths.Resolve(ColoRoot(entry.Colo), entry.File), ns, Options.Synchronous, Time), classInfo);
        }
    }

    /// <summary>The folder of a colo; null or <c>default</c> is the data folder.</summary>
    /// <exception cref="ArgumentException">No colo has that name.</exception>
    internal string ColoRoot(string? colo)
    {
        if (colo is null or DoHostOptions.DefaultColo)
        {
            return DataPath;
        }

        return Options.Colos.TryGetValue(colo, out var path)
            ? Path.GetFullPath(path)
            : throw new ArgumentException($"There is no colo \"{colo}\". Configure it in DoHostOptions.Colos; known colos: {string.Join(", ", [DoHostOptions.DefaultColo, .. Options.Colos.Keys])}.", nameof(colo));
    }

    internal CatalogEntry CatalogEntryOf(ObjectNamespace ns) => _catalog.Find(ns) ?? throw new ObjectNotFoundException(ns.Value);

    internal void SetColo(ObjectNamespace ns, string colo) => _catalog.SetColo(ns, colo == DoHostOptions.DefaultColo ? null : colo);

    /// <summary>
    /// Creates object <paramref name="to"/> of <paramref name="objectClass"/> holding the things of <paramref name="snapshot"/> as its
    /// first versions, with its edges and search index, linked back to <paramref name="from"/>. The file is written completely before the catalog
    /// registers it, so a crash leaves at most an orphan file, which the next fork replaces.
    /// </summary>
    internal void CreateFork(ObjectNamespace from, ObjectNamespace to, ObjectClassInfo objectClass, Lifecycle.ForkSnapshot snapshot)
    {
        lock (_openLock)
        {
            if (_catalog.Find(to) is not null)
            {
                throw new InvalidOperationException($"Cannot fork {from} to {to}: an object with that namespace already exists.");
            }

            var relative = ObjectPaths.RelativeFile(to);
            var full = ObjectPaths.Resolve(DataPath, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(full + suffix); // an orphan of an earlier fork that crashed before it was registered
            }

            using (var target = ObjectDatabase.Open(full, to, Options.Synchronous, Time))
            {
                target.InTransaction(() =>
                {
                    var options = new WriteOptions { Verb = "fork", Event = "created", Input = null };
                    var things = snapshot.Things;
                    foreach (var (noun, id, json) in things)
                    {
                        var info = DoRegistry.FindNoun(noun);
                        var nounId = target.NounId(noun, info?.Plural, info?.ResolveTypeUrl(to));
                        target.Things.Append(nounId, noun, id, json, null, "fork", "created", options, json);
                    }

                    snapshot.CopyIndexesInto(target);
                    target.Objects.Link(from, objectClass.Name, "fork-of");
                    target.Lifecycle.Record("fork", Lifecycle.LifecycleJson.ForkFrom(from.Value, things.Count), "fork.created");
                    // History starts here; nothing to replay.
                    target.Command("UPDATE stored_events SET dispatched_at = created_at").ExecuteNonQuery();
                    target.Command("UPDATE stored_actions SET dispatched_at = completed_at WHERE event IS NOT NULL").ExecuteNonQuery();
                    target.Command("UPDATE things SET dispatched_at = at WHERE event IS NOT NULL AND dispatched_at IS NULL").ExecuteNonQuery();
                });
                _ = target.TakeCommittedEvents();
            }

            _catalog.Add(new CatalogEntry(to.Value, objectClass.Name, relative, Time.GetUtcNow()));
        }
    }
}
