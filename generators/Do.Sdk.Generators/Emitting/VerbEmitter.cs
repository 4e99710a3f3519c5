using System.Collections.Generic;
using System.Linq;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Emits a <c>{Type}Verbs</c> class (verb metadata, argument JSON, by-name dispatch) and the typed verb methods
/// (an extension block on <c>ThingRef&lt;Noun&gt;</c> or <c>ObjectClient&lt;Object&gt;</c>).
/// </summary>
internal static class VerbEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    public static string VerbsClass(string @namespace, string companionName)
        => "global::" + (@namespace.Length > 0 ? @namespace + "." : "") + companionName + "Verbs";

    public static void EmitVerbsClass(SourceWriter w, VerbOwner owner)
    {
        var json = new JsonEmitter(w, owner.NestedTypes, owner.Enums);
        w.Line($"/// <summary>The verbs of {owner.DisplayName}: their metadata, their arguments as JSON, and dispatch by name.</summary>");
        w.Line(Generated.CodeAttribute);
        w.Line($"{owner.Access} static class {owner.CompanionName}Verbs");
        w.Open();
        foreach (var verb in owner.Verbs)
        {
            var options = (verb.Retries >= 0 ? $", Retries: {verb.Retries}" : "") + (verb.TimeoutMilliseconds > 0 ? $", TimeoutMilliseconds: {verb.TimeoutMilliseconds}" : "");
            w.Line($"/// <summary>The {verb.Name} verb; its event is <c>{owner.DisplayName}.{verb.Event}</c>.</summary>");
            w.Line($"public static readonly global::Do.VerbInfo {verb.Name} = new({Identifiers.Literal(verb.Name)}, {Identifiers.Literal(verb.Event)}, IsAsync: {(verb.IsAsync ? "true" : "false")}{options});");
            w.Line();
        }

        w.Line("/// <summary>Every verb, in declaration order.</summary>");
        w.Line($"public static readonly global::System.Collections.Generic.IReadOnlyList<global::Do.VerbInfo> All = [{string.Join(", ", owner.Verbs.Select(v => v.Name))}];");
        foreach (var verb in owner.Verbs)
        {
            var values = Values(verb);
            if (values.Count == 0)
            {
                continue;
            }

            w.Line();
            w.Line($"/// <summary>The arguments of a {verb.Name} call as a JSON object, recorded as the action's input.</summary>");
            w.Line($"internal static string {verb.Name}Input({string.Join(", ", values.Select(p => $"{p.Type!.Display} {Identifiers.Escape(p.Name)}"))})");
            using (w.Indent())
            {
                var state = values.Count == 1 ? Identifiers.Escape(values[0].Name) : "(" + string.Join(", ", values.Select(p => Identifiers.Escape(p.Name))) + ")";
                w.Line($"=> global::Do.NounJson.WriteObject({state}, static (writer, input) =>");
                w.Open();
                foreach (var parameter in values)
                {
                    var value = values.Count == 1 ? "input" : "input." + Identifiers.Escape(parameter.Name);
                    json.WriteProperty(Identifiers.ToCamelCase(parameter.Name), parameter.Type!, value);
                }

                w.Close(");");
            }
        }

        w.Line();
        EmitDispatch(w, owner, json);
        if (owner.IsNoun && owner.Verbs.Any(v => v.IsAsync))
        {
            w.Line();
            w.Line(Generated.CodeAttribute);
            w.Line($"private static async {ValueTask}<string> Complete({Task} task, {owner.FullName} thing)");
            w.Open();
            w.Line("await task.ConfigureAwait(false);");
            w.Line($"return global::Do.NounJson.Serialize(thing);");
            w.Close();
        }

        json.WriteHelpers();
        w.Close();
    }

    /// <summary>The typed verb methods, as one extension block on <paramref name="receiverType"/>.</summary>
    public static void EmitExtensionBlock(SourceWriter w, VerbOwner owner, string receiverType, string receiverStem)
    {
        var taken = new HashSet<string>(owner.Verbs.SelectMany(v => v.Parameters).Select(p => p.Name), System.StringComparer.Ordinal);
        var receiver = Unique(Identifiers.LowerFirst(receiverStem), taken);
        w.Line($"extension({receiverType} {receiver})");
        w.Open();
        bool first = true;
        foreach (var verb in owner.Verbs)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var names = new HashSet<string>(verb.Parameters.Select(p => p.Name), System.StringComparer.Ordinal) { receiver };
            var token = Unique("cancellationToken", names);
            var item = Unique(owner.IsNoun ? "thing" : "target", names);
            var context = Unique("context", names);
            var values = Values(verb);
            var declared = values.Select(p => $"{p.Type!.Display} {Identifiers.Escape(p.Name)}{(p.DefaultValue is null ? "" : " = " + p.DefaultValue)}")
                .Concat([$"{CancellationToken} {token} = default"]);
            var arguments = string.Join(", ", verb.Parameters.Select(p => p.Role switch
            {
                ParameterRole.Context => context,
                ParameterRole.CancellationToken => token,
                _ => Identifiers.Escape(p.Name),
            }));
            var call = $"{item}.{Identifiers.Escape(verb.Name)}({arguments})";
            bool captures = values.Count > 0 || verb.Parameters.Any(p => p.Role == ParameterRole.CancellationToken);
            var lambdaStart = $"{(captures ? "" : "static ")}({item}, {context}) =>";
            var what = owner.IsNoun
                ? $"Runs {verb.Name} on HEAD of this {owner.DisplayName} as one turn, and records its action and its <c>{owner.DisplayName}.{verb.Event}</c> event."
                : $"Runs {verb.Name} on this {owner.DisplayName} as one turn, and records its action and its <c>{owner.DisplayName}.{verb.Event}</c> event.";
            w.Line($"/// <summary>{what}</summary>");
            w.Line($"public {Task} {Identifiers.Escape(verb.Name)}({string.Join(", ", declared)})");
            using (w.Indent())
            {
                w.Line($"=> {receiver}.Invoke(");
                using (w.Indent())
                {
                    w.Line($"{owner.VerbsClass}.{verb.Name},");
                    w.Line(values.Count == 0 ? "null," : $"{owner.VerbsClass}.{verb.Name}Input({string.Join(", ", values.Select(p => Identifiers.Escape(p.Name)))}),");
                    switch (verb.Return)
                    {
                        case VerbReturn.Void:
                            w.Line(lambdaStart);
                            w.Open();
                            w.Line(call + ";");
                            w.Line("return default;");
                            w.Close(",");
                            break;
                        case VerbReturn.Task:
                            w.Line($"{lambdaStart} new {ValueTask}({call}),");
                            break;
                        default:
                            w.Line($"{lambdaStart} {call},");
                            break;
                    }

                    w.Line($"{token});");
                }
            }
        }

        w.Close();
    }

    private static void EmitDispatch(SourceWriter w, VerbOwner owner, JsonEmitter json)
    {
        if (owner.IsNoun)
        {
            w.Line($"/// <summary>Applies the verb named <paramref name=\"verb\"/> to a {owner.DisplayName} in JSON, with its arguments as a JSON object, and returns the new JSON.</summary>");
            w.Line(Generated.CodeAttribute);
            w.Line($"public static {ValueTask}<string> Dispatch(string stateJson, string verb, string? inputJson, global::Do.Context context)");
            w.Open();
            w.Line($"var thing = global::Do.NounJson.Deserialize<{owner.FullName}>(stateJson);");
        }
        else
        {
            w.Line($"/// <summary>Runs the verb named <paramref name=\"verb\"/> on a live {owner.DisplayName}, with its arguments as a JSON object.</summary>");
            w.Line(Generated.CodeAttribute);
            w.Line($"public static {ValueTask} Dispatch(global::Do.DurableObject instance, string verb, string? inputJson, global::Do.Context context)");
            w.Open();
            w.Line($"var target = ({owner.FullName})instance;");
        }

        var item = owner.IsNoun ? "thing" : "target";
        w.Line("switch (verb)");
        w.Open();
        foreach (var verb in owner.Verbs)
        {
            w.Line($"case {Identifiers.Literal(verb.Name)}:");
            w.Open();
            var values = Values(verb);
            foreach (var parameter in values)
            {
                var initial = parameter.DefaultValue ?? (parameter.Type!.IsValueType || parameter.Type.AcceptsNull ? "default" : "default!");
                w.Line($"{parameter.Type!.Display} {ArgOf(parameter)} = {initial};");
                if (parameter.DefaultValue is null)
                {
                    w.Line($"bool {HasOf(parameter)} = false;");
                }
            }

            if (values.Count > 0)
            {
                w.Line("if (inputJson is not null)");
                w.Open();
                w.Line($"var reader = new {JsonEmitter.ReaderType}(global::System.Text.Encoding.UTF8.GetBytes(inputJson));");
                w.Line("reader.Read();");
                w.Line($"while (reader.Read() && reader.TokenType == {JsonEmitter.TokenType}.PropertyName)");
                w.Open();
                w.Line("var property = reader.GetString();");
                w.Line("reader.Read();");
                w.Line("switch (property)");
                w.Open();
                foreach (var parameter in values)
                {
                    w.Line($"case {Identifiers.Literal(Identifiers.ToCamelCase(parameter.Name))}:");
                    using (w.Indent())
                    {
                        var local = ArgOf(parameter);
                        var has = parameter.DefaultValue is null ? $"\n{HasOf(parameter)} = true;" : "";
                        json.ReadValue(parameter.Type!, e => $"{local} = {e};{has}");
                        w.Line("break;");
                    }
                }

                w.Line("default:");
                using (w.Indent())
                {
                    w.Line("reader.Skip();");
                    w.Line("break;");
                }

                w.Close();
                w.Close();
                w.Close();
                foreach (var parameter in values.Where(p => p.DefaultValue is null))
                {
                    w.Line();
                    w.Line($"if (!{HasOf(parameter)})");
                    w.Open();
                    var message = $"{owner.DisplayName}.{verb.Name} needs the argument \"{Identifiers.ToCamelCase(parameter.Name)}\" in its input JSON object.";
                    w.Line($"throw new global::System.ArgumentException({Identifiers.Literal(message)}, nameof(inputJson));");
                    w.Close();
                }

                w.Line();
            }

            var arguments = string.Join(", ", verb.Parameters.Select(p => p.Role switch
            {
                ParameterRole.Context => "context",
                ParameterRole.CancellationToken => $"{CancellationToken}.None",
                _ => ArgOf(p),
            }));
            var call = $"{item}.{Identifiers.Escape(verb.Name)}({arguments})";
            if (owner.IsNoun)
            {
                switch (verb.Return)
                {
                    case VerbReturn.Void:
                        w.Line(call + ";");
                        w.Line("return new(global::Do.NounJson.Serialize(thing));");
                        break;
                    case VerbReturn.Task:
                        w.Line($"return Complete({call}, thing);");
                        break;
                    default:
                        w.Line($"return Complete({call}.AsTask(), thing);");
                        break;
                }
            }
            else
            {
                switch (verb.Return)
                {
                    case VerbReturn.Void:
                        w.Line(call + ";");
                        w.Line("return default;");
                        break;
                    case VerbReturn.Task:
                        w.Line($"return new({call});");
                        break;
                    default:
                        w.Line($"return {call};");
                        break;
                }
            }

            w.Close();
        }

        w.Line("default:");
        using (w.Indent())
        {
            var known = string.Join(", ", owner.Verbs.Select(v => v.Name));
            w.Line($"throw new global::System.ArgumentException($\"{owner.DisplayName} has no verb \\\"{{verb}}\\\". Its verbs: {known}.\", nameof(verb));");
        }

        w.Close();
        w.Close();
    }

    private static List<ParameterModel> Values(VerbModel verb) => verb.Parameters.Where(p => p.Role == ParameterRole.Value).ToList();

    private static string ArgOf(ParameterModel parameter) => parameter.Name + "Arg";

    private static string HasOf(ParameterModel parameter) => "has" + Identifiers.ToPascalCase(parameter.Name);

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (int i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }
}
