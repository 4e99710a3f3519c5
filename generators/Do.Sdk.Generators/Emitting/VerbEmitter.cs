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
            w.Line($"public static readonly global::Do.Infrastructure.VerbInfo {verb.Name} = new({Identifiers.Literal(verb.Name)}, {Identifiers.Literal(verb.Event)}, IsAsync: {(verb.IsAsync ? "true" : "false")}{options})");
            w.Open();
            if (verb.RequiresApproval)
            {
                w.Line("RequiresApproval = true,");
            }

            w.Line($"ArgumentsSchema = {VerbSchemaEmitter.Literal(VerbSchemaEmitter.Schema(owner, verb))},");
            w.Close(";");
            w.Line();
        }

        w.Line("/// <summary>Every verb, in declaration order.</summary>");
        w.Line($"public static readonly global::System.Collections.Generic.IReadOnlyList<global::Do.Infrastructure.VerbInfo> All = [{string.Join(", ", owner.Verbs.Select(v => v.Name))}];");
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
                w.Line($"=> global::Do.Infrastructure.NounJson.WriteObject({state}, static (writer, input) =>");
                w.Open();
                foreach (var parameter in values)
                {
                    var value = values.Count == 1 ? "input" : "input." + Identifiers.Escape(parameter.Name);
                    json.WriteProperty(Identifiers.ToCamelCase(parameter.Name), parameter.Type!, value);
                }

                w.Close(");");
            }
        }

        foreach (var verb in owner.Verbs)
        {
            if (verb.Result is { } result)
            {
                w.Line();
                EmitOutput(w, json, owner, verb, result);
            }
        }

        w.Line();
        EmitDispatch(w, owner, json);
        EmitCompletions(w, owner);

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
            var result = verb.Result;
            if (result is not null)
            {
                what += " Returns what the verb returned.";
            }

            w.Line($"/// <summary>{what}</summary>");
            w.Line($"public {(result is null ? Task : $"{Task}<{result.Display}>")} {Identifiers.Escape(verb.Name)}({string.Join(", ", declared)})");
            using (w.Indent())
            {
                w.Line(result is null ? $"=> {receiver}.Invoke(" : $"=> {receiver}.Invoke<{result.Display}>(");
                using (w.Indent())
                {
                    w.Line($"{owner.VerbsClass}.{verb.Name},");
                    w.Line(values.Count == 0 ? "null," : $"{owner.VerbsClass}.{verb.Name}Input({string.Join(", ", values.Select(p => Identifiers.Escape(p.Name)))}),");
                    var valueTask = result is null ? ValueTask : $"{ValueTask}<{result.Display}>";
                    switch (verb.Return)
                    {
                        case VerbReturn.Void when result is null:
                            w.Line(lambdaStart);
                            w.Open();
                            w.Line(call + ";");
                            w.Line("return default;");
                            w.Close(",");
                            break;
                        case VerbReturn.Void:
                        case VerbReturn.Task:
                            w.Line($"{lambdaStart} new {valueTask}({call}),");
                            break;
                        default:
                            w.Line($"{lambdaStart} {call},");
                            break;
                    }

                    if (result is not null)
                    {
                        w.Line($"{owner.VerbsClass}.{verb.Name}Output,");
                        w.Line($"{owner.VerbsClass}.Read{verb.Name}Output,");
                    }

                    w.Line($"{token});");
                }
            }
        }

        w.Close();
    }

    /// <summary>The value a verb returns, as the JSON object <c>{"value": …}</c> recorded as the action's output, and back.</summary>
    private static void EmitOutput(SourceWriter w, JsonEmitter json, VerbOwner owner, VerbModel verb, TypeRef result)
    {
        w.Line($"/// <summary>What {verb.Name} returned, as the JSON object recorded as the action's output.</summary>");
        w.Line($"internal static string {verb.Name}Output({result.Display} value)");
        using (w.Indent())
        {
            w.Line("=> global::Do.Infrastructure.NounJson.WriteObject(value, static (writer, input) =>");
            w.Open();
            json.WriteProperty("value", result, "input");
            w.Close(");");
        }

        w.Line();
        w.Line($"/// <summary>Reads what {verb.Name} returned from its action's output JSON.</summary>");
        w.Line($"internal static {result.Display} Read{verb.Name}Output(string outputJson)");
        w.Open();
        var initial = result.IsValueType || result.AcceptsNull ? "default" : "default!";
        w.Line($"{result.Display} value = {initial};");
        w.Line($"var reader = new {JsonEmitter.ReaderType}(global::System.Text.Encoding.UTF8.GetBytes(outputJson));");
        w.Line("reader.Read();");
        w.Line($"while (reader.Read() && reader.TokenType == {JsonEmitter.TokenType}.PropertyName)");
        w.Open();
        w.Line("var property = reader.GetString();");
        w.Line("reader.Read();");
        w.Line("if (property == \"value\")");
        w.Open();
        json.ReadValue(result, e => $"value = {e};");
        w.Close();
        w.Line("else");
        w.Open();
        w.Line("reader.Skip();");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return value;");
        w.Close();
    }

    /// <summary>The helpers that turn an async verb's task into the dispatcher's result, for the shapes the owner uses.</summary>
    private static void EmitCompletions(SourceWriter w, VerbOwner owner)
    {
        var state = owner.IsNoun ? $", {owner.FullName} thing" : "";
        var done = owner.IsNoun ? "global::Do.Infrastructure.NounJson.Serialize(thing), " : "";
        var returns = owner.IsNoun ? $"{ValueTask}<global::Do.Infrastructure.VerbResult>" : $"{ValueTask}<string?>";
        if (owner.Verbs.Any(v => v.IsAsync && v.Result is null))
        {
            w.Line();
            w.Line(Generated.CodeAttribute);
            w.Line($"private static async {returns} Complete({Task} task{state})");
            w.Open();
            w.Line("await task.ConfigureAwait(false);");
            w.Line(owner.IsNoun ? $"return new global::Do.Infrastructure.VerbResult({done}null);" : "return null;");
            w.Close();
        }

        if (owner.Verbs.Any(v => v.IsAsync && v.Result is not null))
        {
            w.Line();
            w.Line(Generated.CodeAttribute);
            w.Line($"private static async {returns} Complete<TResult>({Task}<TResult> task{state}, global::System.Func<TResult, string> output)");
            w.Open();
            w.Line("var result = await task.ConfigureAwait(false);");
            w.Line(owner.IsNoun ? $"return new global::Do.Infrastructure.VerbResult({done}output(result));" : "return output(result);");
            w.Close();
        }
    }

    private static void EmitDispatch(SourceWriter w, VerbOwner owner, JsonEmitter json)
    {
        if (owner.IsNoun)
        {
            w.Line($"/// <summary>Applies the verb named <paramref name=\"verb\"/> to a {owner.DisplayName} in JSON, with its arguments as a JSON object, and returns the new JSON with the verb's output.</summary>");
            w.Line(Generated.CodeAttribute);
            w.Line($"public static {ValueTask}<global::Do.Infrastructure.VerbResult> Dispatch(string stateJson, string verb, string? inputJson, global::Do.Context context)");
            w.Open();
            w.Line($"var thing = global::Do.Infrastructure.NounJson.Deserialize<{owner.FullName}>(stateJson);");
        }
        else
        {
            w.Line($"/// <summary>Runs the verb named <paramref name=\"verb\"/> on a live {owner.DisplayName}, with its arguments as a JSON object, and returns its output JSON.</summary>");
            w.Line(Generated.CodeAttribute);
            w.Line($"public static {ValueTask}<string?> Dispatch(global::Do.DurableObject instance, string verb, string? inputJson, global::Do.Context context)");
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
            var output = verb.Result is null ? null : $"{verb.Name}Output";
            var thingArg = owner.IsNoun ? ", thing" : "";
            switch (verb.Return)
            {
                case VerbReturn.Void when output is null:
                    w.Line(call + ";");
                    w.Line(owner.IsNoun ? "return new(new global::Do.Infrastructure.VerbResult(global::Do.Infrastructure.NounJson.Serialize(thing), null));" : "return new((string?)null);");
                    break;
                case VerbReturn.Void:
                    w.Line($"var result = {call};");
                    w.Line(owner.IsNoun ? $"return new(new global::Do.Infrastructure.VerbResult(global::Do.Infrastructure.NounJson.Serialize(thing), {output}(result)));" : $"return new({output}(result));");
                    break;
                default:
                    var task = verb.Return == VerbReturn.Task ? call : call + ".AsTask()";
                    w.Line(output is null ? $"return Complete({task}{thingArg});" : $"return Complete({task}{thingArg}, {output});");
                    break;
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
