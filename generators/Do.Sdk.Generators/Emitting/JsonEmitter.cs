using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Do.Sdk.Generators.Model;
using Do.Sdk.Generators.Naming;

namespace Do.Sdk.Generators.Emitting;

/// <summary>
/// Emits reflection-free JSON code over <c>Utf8JsonWriter</c>/<c>Utf8JsonReader</c> for the types in a model,
/// plus the private helpers it used (one per nested object and enum), in the class being written.
/// </summary>
internal sealed class JsonEmitter
{
    public const string WriterType = "global::System.Text.Json.Utf8JsonWriter";
    public const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string DateOnlyFormat = "\"yyyy-MM-dd\"";
    private const string TimeOnlyFormat = "\"HH:mm:ss.FFFFFFF\"";

    private readonly SourceWriter _w;
    private static readonly Dictionary<string, JsonObjectModel> s_noObjects = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, EnumModel> s_noEnums = new(StringComparer.Ordinal);

    private readonly Dictionary<string, JsonObjectModel> _objects;
    private readonly Dictionary<string, EnumModel> _enums;
    private readonly List<string> _usedObjects = [];
    private readonly List<string> _usedEnums = [];
    private int _next;

    public JsonEmitter(SourceWriter writer, EquatableArray<JsonObjectModel> objects, EquatableArray<EnumModel> enums)
    {
        _w = writer;
        // Most nouns have neither; a cold run creates two emitters per noun.
        _objects = objects.IsEmpty ? s_noObjects : objects.ToDictionary(o => o.HelperName, StringComparer.Ordinal);
        _enums = enums.IsEmpty ? s_noEnums : enums.ToDictionary(e => e.HelperName, StringComparer.Ordinal);
    }

    /// <summary>Writes the statements of a <c>Write(writer, value)</c> body for <paramref name="shape"/>.</summary>
    public void WriteObjectBody(JsonObjectModel shape, string value)
    {
        _w.Line("writer.WriteStartObject();");
        foreach (var property in shape.Properties)
        {
            WriteProperty(property.JsonName, property.Type, value + "." + Identifiers.Escape(property.Name));
        }

        _w.Line("writer.WriteEndObject();");
    }

    /// <summary>Writes the statements of a <c>Read(ref reader)</c> body for <paramref name="shape"/>, ending with <c>return</c>.</summary>
    public void ReadObjectBody(JsonObjectModel shape)
    {
        var properties = shape.Properties;
        bool mutable = shape.Construction == ObjectConstruction.Mutable;
        if (mutable)
        {
            _w.Line($"var result = new {shape.Name}();");
        }
        else
        {
            foreach (var property in properties)
            {
                _w.Line($"{property.Type.Display} {LocalOf(property)} = {DefaultOf(property.Type)};");
                if (property.Setter == PropertySetter.Set)
                {
                    _w.Line($"bool {HasOf(property)} = false;");
                }
            }
        }

        _w.Line($"while (reader.Read() && reader.TokenType == {TokenType}.PropertyName)");
        _w.Open();
        _w.Line("var property = reader.GetString();");
        _w.Line("reader.Read();");
        _w.Line("switch (property)");
        _w.Open();
        foreach (var property in properties)
        {
            _w.Line($"case {Identifiers.Literal(property.JsonName)}:");
            using (_w.Indent())
            {
                if (mutable)
                {
                    var target = "result." + Identifiers.Escape(property.Name);
                    ReadValue(property.Type, e => $"{target} = {e};");
                }
                else
                {
                    var local = LocalOf(property);
                    var has = property.Setter == PropertySetter.Set ? $"\n{HasOf(property)} = true;" : "";
                    ReadValue(property.Type, e => $"{local} = {e};{has}");
                }

                _w.Line("break;");
            }
        }

        _w.Line("default:");
        using (_w.Indent())
        {
            _w.Line("reader.Skip();");
            _w.Line("break;");
        }

        _w.Close();
        _w.Close();
        _w.Line();
        if (mutable)
        {
            _w.Line("return result;");
            return;
        }

        var arguments = string.Join(", ", shape.ConstructorArguments.Select(name => LocalOf(properties.First(p => p.Name == name))));
        var inits = properties.Where(p => p.Setter == PropertySetter.Init).ToList();
        var sets = properties.Where(p => p.Setter == PropertySetter.Set).ToList();
        var create = $"new {shape.Name}({arguments})";
        if (inits.Count == 0)
        {
            _w.Line($"var result = {create};");
        }
        else
        {
            _w.Line($"var result = {create}");
            _w.Open();
            foreach (var property in inits)
            {
                _w.Line($"{Identifiers.Escape(property.Name)} = {LocalOf(property)},");
            }

            _w.Close(";");
        }

        foreach (var property in sets)
        {
            _w.Line($"if ({HasOf(property)})");
            _w.Open();
            _w.Line($"result.{Identifiers.Escape(property.Name)} = {LocalOf(property)};");
            _w.Close();
        }

        _w.Line("return result;");
    }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public void WriteProperty(string jsonName, TypeRef type, string value)
    {
        var name = Identifiers.Literal(jsonName);
        if (PrimitiveWrite(type) is { } method)
        {
            _w.Line($"writer.{method}({name}, {Convert(type, value)});");
            return;
        }

        if (type.Kind == ValueKind.Nullable && PrimitiveWrite(type.Element!) is { } inner)
        {
            var local = Next("v");
            _w.Line($"if ({value} is {{ }} {local})");
            _w.Open();
            _w.Line($"writer.{inner}({name}, {Convert(type.Element!, local)});");
            _w.Close();
            _w.Line("else");
            _w.Open();
            _w.Line($"writer.WriteNull({name});");
            _w.Close();
            return;
        }

        _w.Line($"writer.WritePropertyName({name});");
        WriteValue(type, value);
    }

    /// <summary>Writes one JSON value.</summary>
    public void WriteValue(TypeRef type, string value)
    {
        if (PrimitiveWrite(type) is { } method)
        {
            _w.Line($"writer.{method}Value({Convert(type, value)});");
            return;
        }

        if (type.Kind == ValueKind.Nullable || !type.IsValueType)
        {
            var local = Next("v");
            _w.Line($"if ({value} is {{ }} {local})");
            _w.Open();
            WriteNonNull(type.Kind == ValueKind.Nullable ? type.Element! : type, local);
            _w.Close();
            _w.Line("else");
            _w.Open();
            _w.Line("writer.WriteNullValue();");
            _w.Close();
            return;
        }

        WriteNonNull(type, value);
    }

    /// <summary>Reads the value the reader is on and hands the expression to <paramref name="sink"/>, which makes the statement.</summary>
    public void ReadValue(TypeRef type, Func<string, string> sink)
    {
        if (type.Kind == ValueKind.String)
        {
            _w.Line(sink(type.IsNullableReference ? "reader.GetString()" : "reader.GetString() ?? \"\""));
            return;
        }

        if (PrimitiveRead(type) is { } expression)
        {
            _w.Line(sink(expression));
            return;
        }

        if (type.Kind == ValueKind.Nullable && PrimitiveRead(type.Element!) is { } inner)
        {
            _w.Line(sink($"reader.TokenType == {TokenType}.Null ? null : {inner}"));
            return;
        }

        if (type.AcceptsNull)
        {
            _w.Line($"if (reader.TokenType == {TokenType}.Null)");
            _w.Open();
            _w.Line(sink("null"));
            _w.Close();
            _w.Line("else");
            _w.Open();
            ReadNonNull(type.Kind == ValueKind.Nullable ? type.Element! : type, sink);
            _w.Close();
            return;
        }

        if (!type.IsValueType)
        {
            // A null where the property is not nullable keeps the current value.
            _w.Line($"if (reader.TokenType != {TokenType}.Null)");
            _w.Open();
            ReadNonNull(type, sink);
            _w.Close();
            return;
        }

        ReadNonNull(type, sink);
    }

    /// <summary>Writes the helpers used so far (and those they use) as private static methods.</summary>
    public void WriteHelpers()
    {
        if (_usedObjects.Count == 0 && _usedEnums.Count == 0)
        {
            return;
        }

        var writtenObjects = new HashSet<string>(StringComparer.Ordinal);
        var writtenEnums = new HashSet<string>(StringComparer.Ordinal);
        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (var name in _usedObjects.ToList())
            {
                if (writtenObjects.Add(name))
                {
                    WriteObjectHelpers(_objects[name]);
                    progress = true;
                }
            }

            foreach (var name in _usedEnums.ToList())
            {
                if (writtenEnums.Add(name))
                {
                    WriteEnumHelpers(_enums[name]);
                    progress = true;
                }
            }
        }
    }

    private void WriteObjectHelpers(JsonObjectModel shape)
    {
        _w.Line();
        _w.Line(Generated.CodeAttribute);
        _w.Line($"private static void Write{shape.HelperName}Json({WriterType} writer, {shape.Name} value)");
        _w.Open();
        WriteObjectBody(shape, "value");
        _w.Close();
        _w.Line();
        _w.Line(Generated.CodeAttribute);
        _w.Line($"private static {shape.Name} Read{shape.HelperName}Json(ref {ReaderType} reader)");
        _w.Open();
        ReadObjectBody(shape);
        _w.Close();
    }

    private void WriteEnumHelpers(EnumModel model)
    {
        _w.Line();
        _w.Line(Generated.CodeAttribute);
        _w.Line($"private static string {model.HelperName}ToJson({model.Name} value) => value switch");
        _w.Open();
        foreach (var member in model.DistinctValueMembers)
        {
            _w.Line($"{model.Name}.{Identifiers.Escape(member)} => {Identifiers.Literal(member)},");
        }

        _w.Line($"_ => (({model.Underlying})value).ToString({Invariant}),");
        _w.Close(";");
        _w.Line();
        _w.Line(Generated.CodeAttribute);
        var number = model.Underlying == "ulong" ? "reader.GetUInt64()" : "reader.GetInt64()";
        _w.Line($"private static {model.Name} {model.HelperName}FromJson(ref {ReaderType} reader) => reader.TokenType == {TokenType}.Number");
        using (_w.Indent())
        {
            _w.Line($"? ({model.Name}){number}");
            _w.Line(": reader.GetString() switch");
            _w.Open();
            foreach (var member in model.Members)
            {
                _w.Line($"{Identifiers.Literal(member)} => {model.Name}.{Identifiers.Escape(member)},");
            }

            _w.Line($"var other => ({model.Name}){model.Underlying}.Parse(other ?? \"\", {Invariant}),");
            _w.Close(";");
        }
    }

    private void WriteNonNull(TypeRef type, string value)
    {
        switch (type.Kind)
        {
            case ValueKind.Collection:
            {
                var item = Next("item");
                _w.Line("writer.WriteStartArray();");
                _w.Line($"foreach (var {item} in {value})");
                _w.Open();
                WriteValue(type.Element!, item);
                _w.Close();
                _w.Line("writer.WriteEndArray();");
                break;
            }

            case ValueKind.Noun:
                _w.Line($"{type.Name}.Write(writer, {value});");
                break;
            case ValueKind.Object:
                Use(_usedObjects, type.HelperName!);
                _w.Line($"Write{type.HelperName}Json(writer, {value});");
                break;
            default:
                WriteValue(type, value);
                break;
        }
    }

    private void ReadNonNull(TypeRef type, Func<string, string> sink)
    {
        switch (type.Kind)
        {
            case ValueKind.Collection:
            {
                var list = Next("list");
                _w.Line($"var {list} = new global::System.Collections.Generic.List<{type.Element!.Display}>();");
                _w.Line($"while (reader.Read() && reader.TokenType != {TokenType}.EndArray)");
                _w.Open();
                ReadValue(type.Element!, e => $"{list}.Add({e});");
                _w.Close();
                _w.Line();
                _w.Line(sink(type.Shape == CollectionShape.Array ? list + ".ToArray()" : list));
                break;
            }

            case ValueKind.Noun:
                _w.Line(sink($"{type.Name}.Read(ref reader)"));
                break;
            case ValueKind.Object:
                Use(_usedObjects, type.HelperName!);
                _w.Line(sink($"Read{type.HelperName}Json(ref reader)"));
                break;
            default:
                ReadValue(type, sink);
                break;
        }
    }

    /// <summary>The <c>Utf8JsonWriter</c> method (without <c>Value</c>) for a type written in one call, or null.</summary>
    private static string? PrimitiveWrite(TypeRef type) => type.Kind switch
    {
        ValueKind.Boolean => "WriteBoolean",
        ValueKind.Byte or ValueKind.SByte or ValueKind.Int16 or ValueKind.UInt16 or ValueKind.Int32 or ValueKind.UInt32
            or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal => "WriteNumber",
        ValueKind.Char or ValueKind.String or ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.Guid
            or ValueKind.TimeSpan or ValueKind.DateOnly or ValueKind.TimeOnly or ValueKind.Enum => "WriteString",
        _ => null,
    };

    private string Convert(TypeRef type, string value)
    {
        switch (type.Kind)
        {
            case ValueKind.Char:
                return value + ".ToString()";
            case ValueKind.TimeSpan:
                return $"{value}.ToString(\"c\", {Invariant})";
            case ValueKind.DateOnly:
                return $"{value}.ToString({DateOnlyFormat}, {Invariant})";
            case ValueKind.TimeOnly:
                return $"{value}.ToString({TimeOnlyFormat}, {Invariant})";
            case ValueKind.Enum:
                Use(_usedEnums, type.HelperName!);
                return $"{type.HelperName}ToJson({value})";
            default:
                return value;
        }
    }

    private string? PrimitiveRead(TypeRef type)
    {
        switch (type.Kind)
        {
            case ValueKind.Boolean: return "reader.GetBoolean()";
            case ValueKind.Byte: return "reader.GetByte()";
            case ValueKind.SByte: return "reader.GetSByte()";
            case ValueKind.Int16: return "reader.GetInt16()";
            case ValueKind.UInt16: return "reader.GetUInt16()";
            case ValueKind.Int32: return "reader.GetInt32()";
            case ValueKind.UInt32: return "reader.GetUInt32()";
            case ValueKind.Int64: return "reader.GetInt64()";
            case ValueKind.UInt64: return "reader.GetUInt64()";
            case ValueKind.Single: return "reader.GetSingle()";
            case ValueKind.Double: return "reader.GetDouble()";
            case ValueKind.Decimal: return "reader.GetDecimal()";
            case ValueKind.Char: return "global::System.Linq.Enumerable.FirstOrDefault(reader.GetString() ?? \"\")";
            case ValueKind.DateTime: return "reader.GetDateTime()";
            case ValueKind.DateTimeOffset: return "reader.GetDateTimeOffset()";
            case ValueKind.Guid: return "reader.GetGuid()";
            case ValueKind.TimeSpan: return $"global::System.TimeSpan.ParseExact(reader.GetString() ?? \"\", \"c\", {Invariant})";
            case ValueKind.DateOnly: return $"global::System.DateOnly.ParseExact(reader.GetString() ?? \"\", {DateOnlyFormat}, {Invariant})";
            case ValueKind.TimeOnly: return $"global::System.TimeOnly.ParseExact(reader.GetString() ?? \"\", {TimeOnlyFormat}, {Invariant})";
            case ValueKind.Enum:
                Use(_usedEnums, type.HelperName!);
                return $"{type.HelperName}FromJson(ref reader)";
            default:
                return null;
        }
    }

    private static string DefaultOf(TypeRef type) => type.IsValueType || type.AcceptsNull ? "default" : "default!";

    private static string LocalOf(PropertyModel property) => Identifiers.LowerFirst(property.Name) + "Value";

    private static string HasOf(PropertyModel property) => "has" + Identifiers.ToPascalCase(property.Name);

    private string Next(string stem) => stem + (_next++).ToString(CultureInfo.InvariantCulture);

    private static void Use(List<string> used, string name)
    {
        if (!used.Contains(name))
        {
            used.Add(name);
        }
    }
}
