using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Emitting;

/// <summary>
/// Emits the argument parsers: property-name matching on UTF-8 bytes, required/duplicate/unknown checks, and the
/// DataAnnotations constraints, with a reader method per enum, collection, dictionary and object type. Strict tools
/// get their own object readers, in which null stands for an absent optional member (strict schemas require every
/// member and make optional ones nullable).
/// </summary>
internal sealed class ArgumentReaderEmitter
{
    private readonly TypeTable _types;
    private readonly HashSet<(string Id, bool Strict)> _needed = new();
    private readonly List<string> _patterns = new();
    private int _temp;

    public ArgumentReaderEmitter(TypeTable types) => _types = types;

    /// <summary>Statements that read the current property's object into locals (the tool's parameters).</summary>
    public void ReadParameters(SourceWriter w, ToolSpec tool)
    {
        var parameters = tool.Parameters.Where(p => !p.IsInjected).ToList();
        var fields = parameters.Select(p => new Field(p.JsonName, CSharp.Identifier(p.CSharpName), p.Type!, p.IsRequired, p.Constraints)).ToList();
        w.Line($"var __reader = new {CSharp.Reader}(__call.ArgumentsUtf8.Span);");
        w.Line("__reader.ReadRootObject();");
        ReadFields(w, fields, tool.Strict);
        w.Line("__reader.ReadEndOfInput();");
    }

    /// <summary>The reader methods and regex fields the parsers emitted so far refer to.</summary>
    public void EmitMethods(SourceWriter w)
    {
        var done = new HashSet<(string Id, bool Strict)>();
        while (_needed.Except(done).OrderBy(n => n.Id, System.StringComparer.Ordinal).ThenBy(n => n.Strict).FirstOrDefault() is { Id: not null } next)
        {
            done.Add(next);
            var spec = _types[next.Id];
            w.Line();
            w.Open($"private static {spec.FullName} {MethodName(next.Id, next.Strict)}(ref {CSharp.Reader} __reader)");
            switch (spec.Kind)
            {
                case JsonKind.Enum:
                    EnumBody(w, spec);
                    break;
                case JsonKind.Collection:
                    CollectionBody(w, spec, next.Strict);
                    break;
                case JsonKind.Dictionary:
                    DictionaryBody(w, spec, next.Strict);
                    break;
                default:
                    ObjectBody(w, spec, next.Strict);
                    break;
            }

            w.Close();
        }

        for (int i = 0; i < _patterns.Count; i++)
        {
            w.Line();
            w.Line($"private static readonly global::System.Text.RegularExpressions.Regex __ToolGen_Pattern{i} = new(");
            w.Line($"    {CSharp.Literal("^(?:" + _patterns[i] + @")\z")},");
            w.Line("    global::System.Text.RegularExpressions.RegexOptions.CultureInvariant,");
            w.Line("    global::System.TimeSpan.FromSeconds(1));");
        }
    }

    private sealed record Field(string JsonName, string Local, TypeRef Type, bool IsRequired, ConstraintSpec Constraints);

    /// <summary>The property loop shared by the root arguments object and every object type.</summary>
    private void ReadFields(SourceWriter w, List<Field> fields, bool strict)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            w.Line($"bool __seen{i} = false;");
        }

        w.Open("while (__reader.NextProperty())");
        for (int i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (__reader.ValueIs({CSharp.Utf8(field.JsonName)}))");
            w.Line($"__reader.MarkSeen(ref __seen{i});");
            w.Line("__reader.Next();");
            bool nullMeansAbsent = strict && !field.IsRequired && !field.Type.IsNullable;
            if (nullMeansAbsent)
            {
                w.Open("if (!__reader.IsNull)");
            }

            w.Line($"{field.Local} = {ReadExpression(field.Type, strict)};");
            Checks(w, field.Local, field.Type, field.Constraints);
            if (nullMeansAbsent)
            {
                w.Close();
            }

            w.Close();
        }

        string expected = string.Join(", ", fields.Select(f => f.JsonName));
        if (fields.Count == 0)
        {
            w.Line($"__reader.ThrowUnknownProperty({CSharp.Literal(expected)});");
        }
        else
        {
            w.Open("else");
            w.Line($"__reader.ThrowUnknownProperty({CSharp.Literal(expected)});");
            w.Close();
        }

        w.Close();
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].IsRequired)
            {
                w.Line($"if (!__seen{i}) __reader.ThrowMissing({CSharp.Literal(fields[i].JsonName)});");
            }
        }
    }

    private string ReadExpression(TypeRef type, bool strict)
    {
        var spec = _types[type.TypeId];
        string read = spec.Kind switch
        {
            JsonKind.String => "__reader.GetString()",
            JsonKind.Boolean => "__reader.GetBoolean()",
            JsonKind.JsonElement => "__reader.GetJsonElement()",
            JsonKind.JsonNode => type.IsNullable ? "__reader.GetJsonNode()" : "__reader.GetJsonNode()!",
            JsonKind.Enum or JsonKind.Collection or JsonKind.Dictionary or JsonKind.Object => Needed(spec, strict),
            _ => $"__reader.Get{spec.Kind}()",
        };

        // JSON null is a value of JsonElement/JsonNode; elsewhere it is only accepted where the C# type is nullable.
        if (!type.IsNullable || spec.Kind is JsonKind.JsonElement or JsonKind.JsonNode)
        {
            return read;
        }

        return $"__reader.IsNull ? ({_types.CSharpName(type)})null : {read}";
    }

    private string Needed(TypeSpec spec, bool strict)
    {
        // Only object readers differ between strict and normal tools; share the others.
        bool variant = strict && Reaches(spec.Id, JsonKind.Object);
        _needed.Add((spec.Id, variant));
        return $"{MethodName(spec.Id, variant)}(ref __reader)";
    }

    private bool Reaches(string id, JsonKind kind)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var spec = _types[stack.Pop()];
            if (!seen.Add(spec.Id))
            {
                continue;
            }

            if (spec.Kind == kind)
            {
                return true;
            }

            if (spec.ElementTypeId is not null)
            {
                stack.Push(spec.ElementTypeId);
            }
        }

        return false;
    }

    private string MethodName(string id, bool strict) => (strict ? "__ToolGen_ReadStrict_" : "__ToolGen_Read_") + _types.NameOf(id);

    private static void EnumBody(SourceWriter w, TypeSpec spec)
    {
        string expected = "one of " + string.Join(", ", spec.EnumMembers.Select(m => Parsing.ConstantFormatter.JsonString(m.JsonName)));
        w.Line($"__reader.ExpectString({CSharp.Literal(expected)});");
        foreach (var member in spec.EnumMembers)
        {
            w.Line($"if (__reader.ValueIs({CSharp.Utf8(member.JsonName)})) return {spec.FullName}.{CSharp.Identifier(member.CSharpName)};");
        }

        w.Line($"__reader.ThrowExpected({CSharp.Literal(expected)});");
        w.Line("return default;");
    }

    private void CollectionBody(SourceWriter w, TypeSpec spec, bool strict)
    {
        var element = spec.Element!;
        string elementName = _types.CSharpName(element);
        string builder = spec.CollectionKind == CollectionKind.HashSet
            ? $"global::System.Collections.Generic.HashSet<{elementName}>"
            : $"global::System.Collections.Generic.List<{elementName}>";
        w.Line("__reader.ExpectStartArray();");
        w.Line($"var items = new {builder}();");
        w.Open("while (__reader.NextItem())");
        if (spec.CollectionKind == CollectionKind.HashSet)
        {
            w.Line($"if (!items.Add({ReadExpression(element, strict)})) __reader.ThrowConstraint(\"items must be unique\");");
        }
        else
        {
            w.Line($"items.Add({ReadExpression(element, strict)});");
        }

        w.Close();
        w.Line(spec.CollectionKind == CollectionKind.Array ? "return items.ToArray();" : "return items;");
    }

    private void DictionaryBody(SourceWriter w, TypeSpec spec, bool strict)
    {
        string valueName = _types.CSharpName(spec.Element!);
        w.Line("__reader.ExpectStartObject();");
        w.Line($"var map = new global::System.Collections.Generic.Dictionary<string, {valueName}>();");
        w.Open("while (__reader.NextProperty())");
        w.Line("string key = __reader.GetPropertyName();");
        w.Line("if (map.ContainsKey(key)) __reader.ThrowDuplicate();");
        w.Line("__reader.Next();");
        w.Line($"map.Add(key, {ReadExpression(spec.Element!, strict)});");
        w.Close();
        w.Line("return map;");
    }

    private void ObjectBody(SourceWriter w, TypeSpec spec, bool strict)
    {
        var inputs = spec.Members.Where(m => m.InputRole != MemberInputRole.None).ToList();
        var fields = new List<Field>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var member = inputs[i];
            string local = "__m" + i;
            string initial = member.DefaultCSharp ?? (member.Type.IsNullable || _types[member.Type.TypeId].IsValueType ? "default" : "default!");
            w.Line($"{_types.CSharpName(member.Type)} {local} = {initial};");
            fields.Add(new Field(member.JsonName, local, member.Type, member.IsRequired, member.Constraints));
        }

        w.Line("__reader.ExpectStartObject();");
        ReadFields(w, fields, strict);

        var arguments = inputs.Select((m, i) => (m, i)).Where(x => x.m.InputRole == MemberInputRole.ConstructorParameter)
            .OrderBy(x => x.m.ConstructorIndex).Select(x => "__m" + x.i);
        var initializers = inputs.Select((m, i) => (m, i))
            .Where(x => x.m.InputRole == MemberInputRole.InitOnly || (x.m.InputRole == MemberInputRole.Settable && x.m.IsRequired))
            .Select(x => $"{CSharp.Identifier(x.m.CSharpName)} = __m{x.i}")
            .ToList();
        string construct = $"new {spec.FullName}({string.Join(", ", arguments)})";
        if (initializers.Count > 0)
        {
            construct += " { " + string.Join(", ", initializers) + " }";
        }

        w.Line($"var value = {construct};");
        for (int i = 0; i < inputs.Count; i++)
        {
            // Optional settable members keep their initializer unless the model sent them.
            if (inputs[i].InputRole == MemberInputRole.Settable && !inputs[i].IsRequired)
            {
                w.Line($"if (__seen{i}) value.{CSharp.Identifier(inputs[i].CSharpName)} = __m{i};");
            }
        }

        w.Line("return value;");
    }

    /// <summary>The DataAnnotations checks, run with the reader still on the value so errors carry its path.</summary>
    private void Checks(SourceWriter w, string value, TypeRef type, ConstraintSpec c)
    {
        if (c.IsEmpty)
        {
            return;
        }

        var spec = _types[type.TypeId];
        bool nullable = type.IsNullable || !spec.IsValueType;
        string v = value;
        if (nullable)
        {
            v = "__c" + _temp++;
            w.Open($"if ({value} is {{ }} {v})");
        }

        bool isString = spec.Kind == JsonKind.String;
        bool isNumber = spec.Kind is >= JsonKind.Byte and <= JsonKind.Decimal;
        if (isNumber && (c.Minimum is not null || c.Maximum is not null))
        {
            NumberRange(w, v, spec.Kind, c);
        }

        string? length = isString ? v + ".Length"
            : spec.Kind is JsonKind.Collection or JsonKind.Dictionary ? $"global::System.Linq.Enumerable.Count({v})"
            : null;
        if (length is not null)
        {
            string unit = isString ? "characters" : spec.Kind == JsonKind.Dictionary ? "properties" : "items";
            if (c.MinLength is int min)
            {
                w.Line($"if ({length} < {min}) __reader.ThrowConstraint(\"must have at least {min} {unit}\");");
            }

            if (c.MaxLength is int max)
            {
                w.Line($"if ({length} > {max}) __reader.ThrowConstraint(\"must have at most {max} {unit}\");");
            }
        }

        if (isString && c.Pattern is not null)
        {
            int index = _patterns.IndexOf(c.Pattern);
            if (index < 0)
            {
                index = _patterns.Count;
                _patterns.Add(c.Pattern);
            }

            w.Line($"if (!global::ToolGen.Serialization.ToolFormats.IsMatch(__ToolGen_Pattern{index}, {v})) __reader.ThrowConstraint({CSharp.Literal("must match the pattern ^(?:" + c.Pattern + ")$")});");
        }

        if (isString && c.IsEmail)
        {
            w.Line($"if (!global::ToolGen.Serialization.ToolFormats.IsEmail({v})) __reader.ThrowConstraint(\"must be an email address\");");
        }

        if (isString && c.IsUrl)
        {
            w.Line($"if (!global::ToolGen.Serialization.ToolFormats.IsUrl({v})) __reader.ThrowConstraint(\"must be an absolute http, https or ftp URL\");");
        }

        if ((isString || isNumber) && c.AllowedValuesJson.Count > 0)
        {
            var literals = c.AllowedValuesJson
                .Where(j => isString ? j.StartsWith("\"", System.StringComparison.Ordinal) : !j.StartsWith("\"", System.StringComparison.Ordinal))
                // JSON strings from ConstantFormatter.JsonString use only escapes C# reads the same way.
                .Select(j => isString ? j : NumberLiteral(j, spec.Kind));
            string condition = string.Join(" || ", literals.Select(l => $"{v} == {l}"));
            if (condition.Length == 0)
            {
                condition = "false";
            }

            w.Line($"if (!({condition})) __reader.ThrowConstraint({CSharp.Literal("must be one of " + string.Join(", ", c.AllowedValuesJson))});");
        }

        if (nullable)
        {
            w.Close();
        }
    }

    private static void NumberRange(SourceWriter w, string v, JsonKind kind, ConstraintSpec c)
    {
        var conditions = new List<string>();
        var words = new List<string>();
        if (c.Minimum is not null && NumberLiteral(c.Minimum, kind) is { } min)
        {
            conditions.Add(c.MinimumIsExclusive ? $"{Compare(v, kind)} <= {min}" : $"{Compare(v, kind)} < {min}");
            words.Add((c.MinimumIsExclusive ? "greater than " : "at least ") + c.Minimum);
        }

        if (c.Maximum is not null && NumberLiteral(c.Maximum, kind) is { } max)
        {
            conditions.Add(c.MaximumIsExclusive ? $"{Compare(v, kind)} >= {max}" : $"{Compare(v, kind)} > {max}");
            words.Add((c.MaximumIsExclusive ? "less than " : "at most ") + c.Maximum);
        }

        if (conditions.Count > 0)
        {
            w.Line($"if ({string.Join(" || ", conditions)}) __reader.ThrowConstraint({CSharp.Literal("must be " + string.Join(" and ", words))});");
        }
    }

    // Compared as double (or decimal), so that bounds of any magnitude compile for every numeric type.
    private static string Compare(string v, JsonKind kind) => kind == JsonKind.Decimal ? v : $"(double){v}";

    private static string? NumberLiteral(string json, JsonKind kind)
    {
        if (kind == JsonKind.Decimal)
        {
            return decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString(CultureInfo.InvariantCulture) + "M"
                : null;
        }

        return double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("R", CultureInfo.InvariantCulture) + "D"
            : null;
    }
}
