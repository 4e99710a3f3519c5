using Do.Sdk.Generators.Model;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Emits <c>{Noun}Verbs</c>: verb metadata, argument JSON and the by-name dispatcher the registry hands the host.</summary>
internal static class NounVerbsEmitter
{
    public static string HintName(NounModel noun) => Generated.HintName(noun.Location.Namespace, NounEmitter.FlatPath(noun), "Verbs");

    public static string Emit(NounModel noun)
    {
        var w = Generated.Start(noun.Location.Namespace);
        VerbEmitter.EmitVerbsClass(w, VerbOwner.From(noun));
        return w.ToString();
    }
}
