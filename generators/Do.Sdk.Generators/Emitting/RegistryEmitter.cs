using System.Linq;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>Emits the assembly's one registration: a module initializer handing every noun, dispatcher and object class to <c>DoRegistry</c>.</summary>
internal static class RegistryEmitter
{
    public const string Namespace = "Do.Generated";
    public const string TypeName = "DoModule";

    public static string HintName => Generated.HintName(Namespace, TypeName, "Registry");

    public static string Emit(RegistryModel registry)
    {
        var w = Generated.Start(Namespace);
        w.Line("/// <summary>Registers this assembly's nouns and durable object classes with the Do.Sdk host when the assembly loads.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"internal static class {TypeName}");
        w.Open();
        w.Line("/// <summary>Hands the nouns, their verb dispatchers and the object classes to <c>DoRegistry</c>.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Line("internal static void Register()");
        w.Open();
        w.Line("global::Do.Infrastructure.DoRegistry.Register(");
        using (w.Indent())
        {
            if (registry.Nouns.IsEmpty)
            {
                w.Line("[],");
            }
            else
            {
                w.Line("[");
                using (w.Indent())
                {
                    foreach (var noun in registry.Nouns)
                    {
                        w.Line($"{noun.FullName}.Noun,");
                    }
                }

                w.Line("],");
            }

            if (registry.Objects.IsEmpty)
            {
                w.Line("[],");
            }
            else
            {
                w.Line("[");
                using (w.Indent())
                {
                    foreach (var model in registry.Objects)
                    {
                        var create = $"new global::Do.Infrastructure.ObjectClassInfo(typeof({model.FullName}).FullName!, typeof({model.FullName}), static () => new {model.FullName}())";
                        if (model.VerbsClass is null)
                        {
                            w.Line(create + ",");
                        }
                        else
                        {
                            w.Line(create);
                            w.Open();
                            w.Line($"Verbs = {model.VerbsClass}.All,");
                            w.Line($"Dispatch = {model.VerbsClass}.Dispatch,");
                            w.Close(",");
                        }
                    }
                }

                w.Line("],");
            }

            if (!registry.Nouns.Any(n => n.VerbsClass is not null))
            {
                w.Line("null);");
            }
            else
            {
                w.Line("new global::System.Collections.Generic.Dictionary<string, global::Do.Infrastructure.NounVerbDispatcher>(global::System.StringComparer.Ordinal)");
                w.Open();
                foreach (var noun in registry.Nouns)
                {
                    if (noun.VerbsClass is not null)
                    {
                        w.Line($"[{Identifiers.Literal(noun.Noun)}] = {noun.VerbsClass}.Dispatch,");
                    }
                }

                w.Close(");");
            }
        }

        w.Close();
        w.Close();
        return w.ToStringAndRelease();
    }
}
