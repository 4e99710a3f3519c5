using Microsoft.CodeAnalysis;

namespace Do.Sdk.Analyzers;

/// <summary>Every diagnostic Do.Sdk reports. Help pages live under docs/diagnostics/, one per ID.</summary>
public static class Descriptors
{
    /// <summary>Where the help pages live; each descriptor appends "{ID}.md".</summary>
    public const string HelpLinkBase = "https://github.com/do-sdk/Do.Sdk/blob/main/docs/diagnostics/";

    private const string Design = "Do.Design";
    private const string Reliability = "Do.Reliability";
    private const string Usage = "Do.Usage";

    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        DiagnosticIds.TypeMustBePartial,
        "Nouns and durable objects must be partial",
        "'{0}' must be declared 'partial' because {1}; the Do.Sdk generator adds members to it",
        Design,
        DiagnosticSeverity.Error,
        "The Do.Sdk generator adds storage, events and a typed client to every [Noun] class and every DurableObject subclass. It can only do so when every declaration of the type is 'partial'.");

    public static readonly DiagnosticDescriptor InvalidVerbSignature = Create(
        DiagnosticIds.InvalidVerbSignature,
        "A verb must be a public, non-generic instance method with by-value parameters",
        "Verb '{0}' {1}; a verb must be a public, non-generic instance method whose parameters are passed by value",
        Design,
        DiagnosticSeverity.Error,
        "Verbs are called through a generated, typed client and their calls are persisted as actions. The client can only call public instance methods, an action cannot record a type argument, and a 'ref', 'out' or 'in' parameter cannot be stored or replayed.");

    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        DiagnosticIds.UnsupportedType,
        "Do.Sdk cannot store this type",
        "{0} has type '{1}', which Do.Sdk cannot store: {2}; the generator skips {3}. Supported: bool, numbers, char, string, Guid, DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, enums, nullables, arrays and lists of these, other [Noun]s, and classes, records and structs declared in this project.",
        Design,
        DiagnosticSeverity.Error,
        "The generator writes a reflection-free JSON serializer for every [Noun] and for every verb's arguments. It knows the primitive types, enums, nullables, one-dimensional arrays, List<T> and the read-only collection interfaces of those, other [Noun]s, and public or internal classes, records and structs declared in the compilation. Any other property type is left out of the noun's state, and a verb taking another parameter type gets no client method.");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        DiagnosticIds.DuplicateName,
        "Nouns and verb events must have unique names",
        "{0} and {1} are both '{2}'; {3}",
        Design,
        DiagnosticSeverity.Error,
        "A noun's name becomes the name of its SQL view and of its typed ref (ctx.Startup(\"acme\")); its plural becomes its collection (ctx.Startups). Two nouns with the same name or plural, compared ignoring case, share a view and declare the same accessor twice. An [Indexed] property's SQLite index is named ix_{Noun}_{Property}; when two such names meet, ignoring case, the second property silently has no index. A verb's event name becomes an event (Startup.prioritized) and a handler (ctx.On.Startup.Prioritized); two verbs of one noun with one event, or a verb whose event is a noun's built-in created, updated or deleted event, cannot be told apart.");

    public static readonly DiagnosticDescriptor InvalidCronExpression = Create(
        DiagnosticIds.InvalidCronExpression,
        "Cron expression is not valid",
        "\"{0}\" is not a valid cron expression: {1}",
        Usage,
        DiagnosticSeverity.Error,
        "Every.Cron parses its expression with Cronos when the object starts. Five fields (minute hour day-of-month month day-of-week) use the standard format; six fields add seconds in front.");

    public static readonly DiagnosticDescriptor NonDeterministicCall = Create(
        DiagnosticIds.NonDeterministicCall,
        "Use the context's clock and id source inside verbs and handlers, and journal changing values in durable actions",
        "'{0}' is not deterministic inside {1}; {2}",
        Reliability,
        DiagnosticSeverity.Warning,
        "Verbs and handlers may be retried and resumed after a crash. A value read from the machine clock, a new GUID or a random number differs on every run, so a retry diverges from the first run; Context.Now, Context.Time and Context.NewId() come from the host, which tests control. A durable action (one that calls ctx.Step, Sleep, WaitFor or an AI primitive) runs again from the top on every resume: a changing value read before a later journaled call, the context's clock and ids included, must itself be journaled with ctx.Step. Inside a step's work it is fine.");

    public static readonly DiagnosticDescriptor BlockingWait = Create(
        DiagnosticIds.BlockingWait,
        "Do not block on tasks inside durable objects, verbs and handlers, nor wait in place in durable actions",
        "'{0}' {1}",
        Reliability,
        DiagnosticSeverity.Warning,
        "An object runs one turn at a time. Blocking a turn on a task holds the object, wastes a thread, and deadlocks when the task needs the same object (A calls B calls A). In a durable action, Task.Delay and Thread.Sleep hold the turn for the whole wait and start over after a crash; ctx.Sleep records a durable timer, releases the turn and resumes the action when it is due, even in a restarted host.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        DiagnosticIds.LanguageVersionTooLow,
        "Do.Sdk requires C# 14 or later",
        "This project uses C# {0}, but Do.Sdk requires C# 14 or later: the generated code uses C# 14 extension members to put your nouns on 'ctx.On' (for example 'ctx.On.Customer') and typed clients such as 'ctx.Startup(\"acme\")' on 'Context'. Set <LangVersion>14</LangVersion> or later in the project file.",
        Usage,
        DiagnosticSeverity.Error,
        "The code Do.Sdk generates for your nouns and verbs is made of C# 14 extension members. An older language version cannot compile it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AsyncVoid = Create(
        DiagnosticIds.AsyncVoid,
        "Verbs and handlers must not be 'async void'",
        "{0} is 'async void'; return 'Task' so the host can await it, retry it and see its failures",
        Reliability,
        DiagnosticSeverity.Error,
        "The host awaits a verb or handler to know when its turn ends, whether it failed and whether to retry. An 'async void' method cannot be awaited, and an exception thrown from it crashes the process instead of failing the action.");

    public static readonly DiagnosticDescriptor VerbNameTaken = Create(
        DiagnosticIds.VerbNameTaken,
        "A verb's name is taken by the client it is generated on",
        "Verb '{0}' cannot be called through its generated client: {1}; rename the method",
        Design,
        DiagnosticSeverity.Error,
        "The generator adds each verb as an extension method on the typed client (ThingRef<Noun> for a noun, ObjectClient<Object> for a durable object) and describes it in a generated {Type}Verbs class. An instance member of the client with the same name hides the extension method, and the generator skips a verb named All, Dispatch or Complete, the members of {Type}Verbs.");

    public static readonly DiagnosticDescriptor SearchableNotText = Create(
        DiagnosticIds.SearchableNotText,
        "Only string properties can be [Searchable]",
        "'{0}' is [Searchable] but has type '{1}'; only string properties are indexed for search, so it is left out of the index",
        Usage,
        DiagnosticSeverity.Warning,
        "Search indexes the text of [Searchable] properties in SQLite FTS5 and embeds it for vector search. Only a string has text to index; the generator leaves any other [Searchable] property out of the index.");

    public static readonly DiagnosticDescriptor UnknownRelationType = Create(
        DiagnosticIds.UnknownRelationType,
        "The relation type is not declared on the noun",
        "Relation type \"{0}\" is not declared on '{1}', whose [Relation] properties declare {2}",
        Usage,
        DiagnosticSeverity.Warning,
        "A noun that declares its relations with [Relation] properties lists every relation type it takes part in. A Relate, Unrelate, Related or RelatedFrom call with another type is most likely a typo: it reads or writes edges nothing else uses.");

    public static readonly DiagnosticDescriptor StepBreaksReplay = Create(
        DiagnosticIds.StepBreaksReplay,
        "A durable step must replay the way it first ran",
        "{0} {1}",
        Reliability,
        DiagnosticSeverity.Warning,
        "A durable action runs again from the top after a wait, a retry or a crash, and each ctx.Step returns its journaled result without running its work again. A journaled call (Step, Sleep, WaitFor, an AI primitive) made inside a step's work is skipped on a replay, so every later step lands on a journal entry of another call (StepMismatchException); a variable, parameter or member assigned by the work keeps its old value on a replay; a blank step or signal name is rejected at run time.");

    public static readonly DiagnosticDescriptor SideEffectOutsideStep = Create(
        DiagnosticIds.SideEffectOutsideStep,
        "Reach outside the object inside a step in durable actions",
        "'{0}' in {1} runs again each time the durable action replays; call it inside 'ctx.Step' so it runs once per action",
        Reliability,
        DiagnosticSeverity.Warning,
        "A durable action runs again from the top after every wait, retry and crash. A call to the outside world (HTTP, a chat model, the file system) made outside a step, before a later journaled call, runs again on each replay: a payment is charged twice, a model is asked again and may answer differently. Inside ctx.Step its result is journaled and a replay returns it.");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string message,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);
}
