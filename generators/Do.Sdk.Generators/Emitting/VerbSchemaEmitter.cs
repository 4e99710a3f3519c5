using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// The JSON schema of a verb's arguments, computed at generation time so the runtime offers verbs as AI tools
/// without reflection: an object with <c>id</c> (noun verbs) and one property per value parameter, named as the
/// action's input JSON names them. Types follow <see cref="TypeSupport"/>: numbers, strings with formats, enums as
/// their member names, arrays, nested objects inlined (a type that contains itself stops at <c>{"type":"object"}</c>).
/// </summary>
internal static class VerbSchemaEmitter
{
    /// <summary>The schema as C# source: a raw string literal, so the generated file shows the JSON as it is.</summary>
    public static string Literal(string json)
        => json.IndexOf("\"\"\"", System.StringComparison.Ordinal) < 0 && json.IndexOf('\n') < 0
            ? "\"\"\"" + json + "\"\"\""
            : Identifiers.Literal(json);

    /// <summary>The schema of <paramref name="verb"/>'s arguments as JSON text.</summary>
    public static string Schema(VerbOwner owner, VerbModel verb)
    {
        var w = new SchemaWriter(owner);
        var b = w.Builder;
        b.Append("{\"type\":\"object\",\"properties\":{");
        var required = new List<string>();
        bool first = true;
        if (owner.IsNoun)
        {
            b.Append("\"id\":{\"type\":\"string\",\"description\":");
            SchemaWriter.String(b, "The local id of the " + owner.DisplayName + " to run " + verb.Name + " on.");
            b.Append('}');
            required.Add("id");
            first = false;
        }

        foreach (var parameter in verb.Parameters)
        {
            if (parameter.Role != ParameterRole.Value || parameter.Type is null)
            {
                continue;
            }

            var name = Identifiers.ToCamelCase(parameter.Name);
            if (!first)
            {
                b.Append(',');
            }

            first = false;
            SchemaWriter.String(b, name);
            b.Append(':');
            w.Type(parameter.Type);
            if (parameter.DefaultValue is null)
            {
                required.Add(name);
            }
        }

        b.Append("},\"required\":[");
        for (int i = 0; i < required.Count; i++)
        {
            if (i > 0)
            {
                b.Append(',');
            }

            SchemaWriter.String(b, required[i]);
        }

        b.Append("],\"additionalProperties\":false}");
        return b.ToString();
    }

    /// <summary>Writes schema fragments; JSON text escaped by one rule, never pasted.</summary>
    private sealed class SchemaWriter
    {
        private readonly VerbOwner _owner;
        private readonly HashSet<string> _open = new(System.StringComparer.Ordinal);

        public SchemaWriter(VerbOwner owner) => _owner = owner;

        public StringBuilder Builder { get; } = new();

        public void Type(TypeRef type)
        {
            if (type.Kind == ValueKind.Nullable)
            {
                Type(type.Element!, nullable: true);
                return;
            }

            Type(type, type.IsNullableReference);
        }

        private void Type(TypeRef type, bool nullable)
        {
            var b = Builder;
            switch (type.Kind)
            {
                case ValueKind.Boolean:
                    Simple("boolean", nullable);
                    b.Append('}');
                    break;
                case ValueKind.Byte or ValueKind.SByte or ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Int32
                    or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64:
                    Simple("integer", nullable);
                    b.Append('}');
                    break;
                case ValueKind.Single or ValueKind.Double or ValueKind.Decimal:
                    Simple("number", nullable);
                    b.Append('}');
                    break;
                case ValueKind.Char:
                    Simple("string", nullable);
                    b.Append(",\"minLength\":1,\"maxLength\":1}");
                    break;
                case ValueKind.String:
                    Simple("string", nullable);
                    b.Append('}');
                    break;
                case ValueKind.DateTime or ValueKind.DateTimeOffset:
                    Formatted("date-time", nullable);
                    break;
                case ValueKind.Guid:
                    Formatted("uuid", nullable);
                    break;
                case ValueKind.DateOnly:
                    Formatted("date", nullable);
                    break;
                case ValueKind.TimeOnly:
                    Formatted("time", nullable);
                    break;
                case ValueKind.TimeSpan:
                    Simple("string", nullable);
                    b.Append(",\"description\":\"A duration as [-][d.]hh:mm:ss[.fffffff]\"}");
                    break;
                case ValueKind.Enum:
                    Enum(type, nullable);
                    break;
                case ValueKind.Collection:
                    Simple("array", nullable);
                    b.Append(",\"items\":");
                    Type(type.Element!);
                    b.Append('}');
                    break;
                case ValueKind.Object:
                    Object(type, nullable);
                    break;
                default:
                    // A noun argument is written by the noun's own serializer, whose shape belongs to another model.
                    Simple("object", nullable);
                    b.Append('}');
                    break;
            }
        }

        private void Simple(string jsonType, bool nullable)
        {
            Builder.Append("{\"type\":");
            if (nullable)
            {
                Builder.Append("[\"").Append(jsonType).Append("\",\"null\"]");
            }
            else
            {
                Builder.Append('"').Append(jsonType).Append('"');
            }
        }

        private void Formatted(string format, bool nullable)
        {
            Simple("string", nullable);
            Builder.Append(",\"format\":\"").Append(format).Append("\"}");
        }

        private void Enum(TypeRef type, bool nullable)
        {
            var b = Builder;
            Simple("string", nullable);
            foreach (var model in _owner.Enums)
            {
                if (model.Name != type.Name)
                {
                    continue;
                }

                b.Append(",\"enum\":[");
                for (int i = 0; i < model.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(',');
                    }

                    String(b, model.Members[i]);
                }

                if (nullable)
                {
                    b.Append(",null");
                }

                b.Append(']');
                break;
            }

            b.Append('}');
        }

        private void Object(TypeRef type, bool nullable)
        {
            var b = Builder;
            Simple("object", nullable);
            JsonObjectModel? shape = null;
            foreach (var nested in _owner.NestedTypes)
            {
                if (nested.Name == type.Name)
                {
                    shape = nested;
                    break;
                }
            }

            if (shape is null || !_open.Add(type.Name))
            {
                b.Append('}');
                return;
            }

            b.Append(",\"properties\":{");
            for (int i = 0; i < shape.Properties.Count; i++)
            {
                var property = shape.Properties[i];
                if (i > 0)
                {
                    b.Append(',');
                }

                String(b, property.JsonName);
                b.Append(':');
                Type(property.Type);
            }

            b.Append("}}");
            _open.Remove(type.Name);
        }

        public static void String(StringBuilder b, string value)
        {
            b.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"':
                        b.Append("\\\"");
                        break;
                    case '\\':
                        b.Append("\\\\");
                        break;
                    default:
                        if (c < ' ')
                        {
                            b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            b.Append(c);
                        }

                        break;
                }
            }

            b.Append('"');
        }
    }
}
