using Do.Sdk.Generators.Model;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Emits the object-level verbs of a durable object class: <c>{Type}Verbs</c> and methods on <c>ObjectClient&lt;Type&gt;</c>.</summary>
internal static class ObjectEmitter
{
    public static string HintName(ObjectClassModel model) => Generated.HintName(model.Location.Namespace, model.CompanionName, "Verbs");

    public static string Emit(ObjectClassModel model)
    {
        var owner = VerbOwner.From(model);
        var w = Generated.Start(model.Location.Namespace);
        VerbEmitter.EmitVerbsClass(w, owner);
        w.Line();
        w.Line($"/// <summary>The typed verbs of {model.TypeName} on its clients: <c>host.Object&lt;{model.TypeName}&gt;(ns).Verb(...)</c>.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"{owner.Access} static class {model.CompanionName}Extensions");
        w.Open();
        VerbEmitter.EmitExtensionBlock(w, owner, $"global::Do.ObjectClient<{model.FullName}>", model.TypeName);
        w.Close();
        return w.ToStringAndRelease();
    }
}
