using System.Collections.Generic;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Emits the typed DSL of a noun: <c>{Noun}Events</c> (<c>ctx.On.Startup.Prioritized(...)</c>) and a static class of
/// C# 14 extension members: <c>ctx.Startups</c> and <c>ctx.Startup("acme")</c> on every <c>IObjectScope</c>,
/// <c>ctx.On.Startup</c>, and one method per verb on <c>ThingRef&lt;Startup&gt;</c>.
/// </summary>
internal static class AccessorEmitter
{
    private const string Handler = "global::System.Func<{0}, global::Do.Context, global::System.Threading.Tasks.Task>";
    private static readonly string s_untyped = string.Format(System.Globalization.CultureInfo.InvariantCulture, Handler, "global::Do.EventRecord");

    /// <summary>Writes the DSL types into the noun's file (see <see cref="NounEmitter.Emit"/>).</summary>
    public static void Emit(SourceWriter w, NounModel noun)
    {
        var access = noun.IsPublic ? "public" : "internal";
        var events = noun.CompanionName + "Events";
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, Handler, noun.FullName);

        w.Line($"/// <summary>Handlers for events of {noun.Noun} things: <c>ctx.On.{noun.Noun}.Created(...)</c>.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"{access} readonly struct {events}");
        w.Open();
        w.Line("private readonly global::Do.EventSubscriptions _on;");
        w.Line();
        w.Line($"/// <summary>Wraps the handlers of one object's context.</summary>");
        w.Line($"public {events}(global::Do.EventSubscriptions on) => _on = on;");
        var members = new HashSet<string>(System.StringComparer.Ordinal) { "Any" };
        void Event(string member, string eventName, string description)
        {
            if (!members.Add(member))
            {
                return;
            }

            var pattern = Identifiers.Literal(noun.Noun + "." + eventName);
            w.Line();
            w.Line($"/// <summary>Runs <paramref name=\"handler\"/> with the {noun.Noun} {description}.</summary>");
            w.Line($"public void {member}({typed} handler) => _on.Subscribe<{noun.FullName}>({pattern}, handler);");
        }

        Event("Created", "created", "after one is created");
        Event("Updated", "updated", "after one is updated");
        Event("Deleted", "deleted", "as it was before one is deleted");
        foreach (var verb in noun.Verbs)
        {
            Event(verb.EventMember, verb.Event, $"after {verb.Name} ran on it");
        }

        w.Line();
        w.Line($"/// <summary>Runs <paramref name=\"handler\"/> after every event of a {noun.Noun} (<c>{noun.Noun}.*</c>).</summary>");
        w.Line($"public void Any({s_untyped} handler) => _on.Subscribe({Identifiers.Literal(noun.Noun + ".*")}, handler);");
        w.Close();

        w.Line();
        w.Line($"/// <summary>The typed {noun.Noun} DSL: <c>ctx.{noun.Plural}</c>, <c>ctx.{noun.Noun}(\"id\")</c>, <c>ctx.On.{noun.Noun}</c>.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"{access} static class {noun.CompanionName}Extensions");
        w.Open();
        w.Line("extension(global::Do.IObjectScope scope)");
        w.Open();
        var plural = noun.Plural == noun.TypeName ? "All" + noun.Plural : noun.Plural;
        w.Line($"/// <summary>The {noun.Noun} things of this object: create, get, list, update, delete, history.</summary>");
        w.Line($"public global::Do.ThingCollection<{noun.FullName}> {plural} => scope.Collection<{noun.FullName}>();");
        w.Line();
        w.Line($"/// <summary>A typed ref to one {noun.Noun}: <c>acme</c>, <c>acme@~1</c>, <c>acme@v12</c>, <c>acme@2026-11-23T09:00Z</c> or a full URL.</summary>");
        w.Line($"public global::Do.ThingRef<{noun.FullName}> {noun.TypeName}(string reference) => scope.Ref<{noun.FullName}>(reference);");
        w.Close();
        w.Line();
        w.Line("extension(global::Do.EventSubscriptions on)");
        w.Open();
        w.Line($"/// <summary>Handlers for {noun.Noun} events.</summary>");
        var eventsType = "global::" + (noun.Location.Namespace.Length > 0 ? noun.Location.Namespace + "." : "") + events;
        w.Line($"public {eventsType} {noun.TypeName} => new(on);");
        w.Close();
        if (!noun.Verbs.IsEmpty)
        {
            w.Line();
            VerbEmitter.EmitExtensionBlock(w, VerbOwner.From(noun), $"global::Do.ThingRef<{noun.FullName}>", noun.TypeName);
        }

        w.Close();
    }
}
