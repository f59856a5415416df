using System.Collections.Generic;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Emitting;

/// <summary>
/// Emits the Utf8JsonWriter code that writes tool results: a method per async result type, and a writer method per
/// enum (with its UTF-8 name lookup) and object type.
/// </summary>
internal sealed class ResultWriterEmitter
{
    private readonly TypeTable _types;
    private readonly HashSet<string> _needed = new();
    private readonly SortedDictionary<string, TypeRef> _resultMethods = new(System.StringComparer.Ordinal);
    private int _temp;

    public ResultWriterEmitter(TypeTable types) => _types = types;

    public static string MethodName(TypeTable types, string id) => "__ToolGen_Write_" + types.NameOf(id);

    private static string EnumNameMethod(TypeTable types, string id) => "__ToolGen_Name_" + types.NameOf(id);

    /// <summary>Statements writing <paramref name="value"/> (an expression evaluated once) with writer <paramref name="writer"/>.</summary>
    public void Write(SourceWriter w, string writer, string value, TypeRef type)
    {
        var spec = _types[type.TypeId];
        bool mayBeNull = type.IsNullable || !spec.IsValueType;
        if (mayBeNull)
        {
            string local = "__v" + _temp++;
            w.Open($"if ({value} is {{ }} {local})");
            WriteNonNull(w, writer, local, spec);
            w.Close();
            w.Open("else");
            w.Line($"{writer}.WriteNullValue();");
            w.Close();
            return;
        }

        WriteNonNull(w, writer, value, spec);
    }

    /// <summary>
    /// The name of a method writing an async tool's result of type <paramref name="type"/>, passed as a method group:
    /// one method per result type and class, where a lambda per tool would cost the compiler far more to bind.
    /// </summary>
    public string ResultMethod(TypeRef type)
    {
        string name = "__ToolGen_WriteResult_" + _types.NameOf(type.TypeId) + (type.IsNullable ? "_OrNull" : string.Empty);
        _resultMethods[name] = type;
        return name;
    }

    /// <summary>The result methods, then the writer methods of every enum and object type reached from results.</summary>
    public void EmitMethods(SourceWriter w)
    {
        foreach (var method in _resultMethods)
        {
            w.Line();
            w.Open($"private static void {method.Key}({CSharp.Writer} __writer, {_types.CSharpName(method.Value)} __value)");
            Write(w, "__writer", "__value", method.Value);
            w.Close();
        }

        var done = new HashSet<string>();
        while (_needed.Except(done).OrderBy(i => i, System.StringComparer.Ordinal).FirstOrDefault() is { } id)
        {
            done.Add(id);
            var spec = _types[id];
            w.Line();
            w.Open($"private static void {MethodName(_types, id)}({CSharp.Writer} writer, {spec.FullName} value)");
            if (spec.Kind == JsonKind.Enum)
            {
                w.Line($"writer.WriteStringValue({EnumNameMethod(_types, id)}(value));");
                w.Close();
                w.Line();
                // UTF-8 names: no transcoding per call. Values outside the enum (casts) are written as .NET formats them.
                w.Open($"private static global::System.ReadOnlySpan<byte> {EnumNameMethod(_types, id)}({spec.FullName} value) => value switch");
                foreach (var member in spec.EnumMembers.Where(m => !m.IsAlias))
                {
                    w.Line($"{spec.FullName}.{CSharp.Identifier(member.CSharpName)} => {CSharp.Utf8(member.JsonName)},");
                }

                w.Line("_ => global::System.Text.Encoding.UTF8.GetBytes(value.ToString()),");
                w.Close(";");
                continue;
            }

            w.Line("writer.WriteStartObject();");
            foreach (var member in spec.Members.Where(m => m.CanRead))
            {
                string name = CSharp.Utf8(member.JsonName);
                string value = "value." + CSharp.Identifier(member.CSharpName);
                if (!TryWriteProperty(w, name, value, member.Type))
                {
                    w.Line($"writer.WritePropertyName({name});");
                    Write(w, "writer", value, member.Type);
                }
            }

            w.Line("writer.WriteEndObject();");
            w.Close();
        }
    }

    /// <summary>
    /// Writes a scalar property with one <c>Utf8JsonWriter</c> call (name and value together, as hand-written code
    /// would), where one exists; false for the types written as a property name followed by a value.
    /// </summary>
    private bool TryWriteProperty(SourceWriter w, string name, string value, TypeRef type)
    {
        var spec = _types[type.TypeId];
        if (type.IsNullable && spec.IsValueType)
        {
            return false;
        }

        // WriteString(name, string?) writes JSON null for a null string, so strings need no null check here.
        if (Utf8JsonWriterMethod(spec.Kind) is { } method)
        {
            w.Line($"writer.Write{method}({name}, {value});");
            return true;
        }

        switch (spec.Kind)
        {
            case JsonKind.Single:
            case JsonKind.Double:
                w.Line($"{CSharp.ValueWriter}.Write{spec.Kind}(writer, {name}, {value});");
                return true;
            case JsonKind.Enum:
                _needed.Add(spec.Id);
                w.Line($"writer.WriteString({name}, {EnumNameMethod(_types, spec.Id)}({value}));");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The kinds <c>Utf8JsonWriter</c> writes itself, in the schema's format: <c>Write{X}Value(value)</c> and
    /// <c>Write{X}(name, value)</c> with the X returned; <see langword="null"/> for the other kinds.
    /// </summary>
    private static string? Utf8JsonWriterMethod(JsonKind kind) => kind switch
    {
        JsonKind.String or JsonKind.DateTime or JsonKind.DateTimeOffset or JsonKind.Guid => "String",
        JsonKind.Boolean => "Boolean",
        JsonKind.Byte or JsonKind.SByte or JsonKind.Int16 or JsonKind.UInt16 or JsonKind.Int32 or JsonKind.UInt32
            or JsonKind.Int64 or JsonKind.UInt64 or JsonKind.Decimal => "Number",
        _ => null,
    };

    private void WriteNonNull(SourceWriter w, string writer, string value, TypeSpec spec)
    {
        if (Utf8JsonWriterMethod(spec.Kind) is { } method)
        {
            w.Line($"{writer}.Write{method}Value({value});");
            return;
        }

        switch (spec.Kind)
        {
            case JsonKind.Single:
            case JsonKind.Double:
            case JsonKind.Char:
            case JsonKind.DateOnly:
            case JsonKind.TimeOnly:
            case JsonKind.TimeSpan:
            case JsonKind.Uri:
            case JsonKind.JsonElement:
                w.Line($"{CSharp.ValueWriter}.Write{spec.Kind}({writer}, {value});");
                break;
            case JsonKind.JsonNode:
                w.Line($"{value}.WriteTo({writer});");
                break;
            case JsonKind.Collection:
            {
                string item = "__item" + _temp++;
                w.Line($"{writer}.WriteStartArray();");
                w.Open($"foreach (var {item} in {value})");
                Write(w, writer, item, spec.Element!);
                w.Close();
                w.Line($"{writer}.WriteEndArray();");
                break;
            }

            case JsonKind.Dictionary:
            {
                string entry = "__entry" + _temp++;
                w.Line($"{writer}.WriteStartObject();");
                w.Open($"foreach (var {entry} in {value})");
                w.Line($"{writer}.WritePropertyName({entry}.Key);");
                Write(w, writer, entry + ".Value", spec.Element!);
                w.Close();
                w.Line($"{writer}.WriteEndObject();");
                break;
            }

            default:
                _needed.Add(spec.Id);
                w.Line($"{MethodName(_types, spec.Id)}({writer}, {value});");
                break;
        }
    }
}
