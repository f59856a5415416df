using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Emitting;

/// <summary>
/// Emits the argument parsers: property-name matching on UTF-8 bytes, required/duplicate/unknown checks, and the
/// DataAnnotations constraints, with a reader method per enum, collection, dictionary and object type. Strict and
/// lenient tools get their own object readers, in which null stands for an absent optional member (strict schemas
/// require every member and make optional ones nullable; lenient reading accepts what models send). Whether numbers,
/// booleans and the arguments object may come as strings is the reader's lenient flag, set per tool.
/// </summary>
internal sealed class ArgumentReaderEmitter
{
    private readonly TypeTable _types;
    private readonly HashSet<(string Id, bool NullAbsent)> _needed = new();
    private readonly List<string> _patterns = new();
    private readonly List<string> _accessors = new();
    private int _temp;

    public ArgumentReaderEmitter(TypeTable types) => _types = types;

    /// <summary>Statements that read the current property's object into locals (the tool's parameters).</summary>
    public void ReadParameters(SourceWriter w, ToolSpec tool)
    {
        var parameters = tool.Parameters.Where(p => !p.IsInjected).ToList();
        var fields = parameters.Select(p => new Field(p.JsonName, CSharp.Identifier(p.CSharpName), p.Type!, p.IsRequired, p.Constraints)).ToList();
        w.Line($"var __reader = new {CSharp.Reader}(__call.ArgumentsUtf8.Span, lenient: {(tool.IsLenient ? "true" : "false")});");
        w.Line("__reader.ReadRootObject();");
        ReadFields(w, fields, tool.NullMeansAbsent);
        w.Line("__reader.ReadEndOfInput();");
    }

    /// <summary>The reader methods and regex fields the parsers emitted so far refer to.</summary>
    public void EmitMethods(SourceWriter w)
    {
        var done = new HashSet<(string Id, bool NullAbsent)>();
        while (_needed.Except(done).OrderBy(n => n.Id, System.StringComparer.Ordinal).ThenBy(n => n.NullAbsent).FirstOrDefault() is { Id: not null } next)
        {
            done.Add(next);
            var spec = _types[next.Id];
            w.Line();
            w.Open($"private static {spec.FullName} {MethodName(next.Id, next.NullAbsent)}(ref {CSharp.Reader} __reader)");
            switch (spec.Kind)
            {
                case JsonKind.Enum:
                    EnumBody(w, spec);
                    break;
                case JsonKind.Collection:
                    CollectionBody(w, spec, next.NullAbsent);
                    break;
                case JsonKind.Dictionary:
                    DictionaryBody(w, spec, next.NullAbsent);
                    break;
                default:
                    ObjectBody(w, spec, next.NullAbsent);
                    break;
            }

            w.Close();
        }

        foreach (var accessor in _accessors)
        {
            w.Line();
            foreach (var line in accessor.Split('\n'))
            {
                w.Line(line);
            }
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

    /// <param name="KeepsInitializer">Set after construction only when given (optional settable and init-only members).</param>
    private sealed record Field(string JsonName, string Local, TypeRef Type, bool IsRequired, ConstraintSpec Constraints, bool KeepsInitializer = false);

    /// <summary>The property loop shared by the root arguments object and every object type.</summary>
    private void ReadFields(SourceWriter w, List<Field> fields, bool nullAbsent)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            w.Line($"bool __seen{i} = false;");
            if (TracksNull(fields[i], nullAbsent))
            {
                w.Line($"bool __null{i} = false;");
            }
        }

        w.Open("while (__reader.NextProperty())");
        for (int i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (__reader.ValueIs({CSharp.Utf8(field.JsonName)}))");
            w.Line($"__reader.MarkSeen(ref __seen{i});");
            w.Line("__reader.Next();");
            bool nullMeansAbsent = NullMeansAbsent(field, nullAbsent);
            if (nullMeansAbsent)
            {
                w.Open("if (!__reader.IsNull)");
            }

            // [Required] rejects null whatever the C# type says (RequiredAttribute.IsValid(null) is false).
            var readType = field.Constraints.IsRequired ? field.Type with { IsNullable = false } : field.Type;
            w.Line($"{field.Local} = {ReadExpression(readType, nullAbsent)};");
            Checks(w, field.Local, field.Type, field.Constraints);
            if (nullMeansAbsent)
            {
                w.Close();
                if (TracksNull(field, nullAbsent))
                {
                    // Still "seen" (a second occurrence is a duplicate), but absent: the member keeps its initializer.
                    w.Line($"else __null{i} = true;");
                }
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

    private static bool NullMeansAbsent(Field field, bool nullAbsent) => nullAbsent && !field.IsRequired && !field.Type.IsNullable;

    private static bool TracksNull(Field field, bool nullAbsent) => field.KeepsInitializer && NullMeansAbsent(field, nullAbsent);

    /// <summary>The condition under which the model gave field <paramref name="i"/> a value (sent, and not a null meaning absent).</summary>
    private static string Given(Field field, int i, bool nullAbsent) => TracksNull(field, nullAbsent) ? $"__seen{i} && !__null{i}" : $"__seen{i}";

    private string ReadExpression(TypeRef type, bool nullAbsent)
    {
        var spec = _types[type.TypeId];
        string read = spec.Kind switch
        {
            JsonKind.String => "__reader.GetString()",
            JsonKind.Boolean => "__reader.GetBoolean()",
            JsonKind.JsonElement => "__reader.GetJsonElement()",
            JsonKind.JsonNode => type.IsNullable ? "__reader.GetJsonNode()" : "__reader.GetJsonNode()!",
            JsonKind.Enum or JsonKind.Collection or JsonKind.Dictionary or JsonKind.Object => Needed(spec, nullAbsent),
            _ => $"__reader.Get{spec.Kind}()",
        };

        // JSON null is a value of JsonElement/JsonNode; elsewhere it is only accepted where the C# type is nullable.
        if (!type.IsNullable || spec.Kind is JsonKind.JsonElement or JsonKind.JsonNode)
        {
            return read;
        }

        return $"__reader.IsNull ? ({_types.CSharpName(type)})null : {read}";
    }

    private string Needed(TypeSpec spec, bool nullAbsent)
    {
        // Only object readers differ between null-as-absent and normal tools; share the others.
        bool variant = nullAbsent && Reaches(spec.Id, JsonKind.Object);
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

    // nullAbsent: null for an optional non-nullable member means absent (strict and lenient tools, ToolSpec.NullMeansAbsent).
    private string MethodName(string id, bool nullAbsent) => (nullAbsent ? "__ToolGen_ReadNullAbsent_" : "__ToolGen_Read_") + _types.NameOf(id);

    private static void EnumBody(SourceWriter w, TypeSpec spec)
    {
        string expected = "one of " + string.Join(", ", spec.EnumMembers.Select(m => Parsing.ConstantFormatter.JsonString(m.JsonName)));
        w.Line($"__reader.ExpectString({CSharp.Literal(expected)});");
        foreach (var member in spec.EnumMembers)
        {
            w.Line($"if (__reader.ValueIs({CSharp.Utf8(member.JsonName)})) return {spec.FullName}.{CSharp.Identifier(member.CSharpName)};");
        }

        // Lenient reading: a name in another case, the JSON name or the C# one (models send "shipped" for Shipped).
        w.Open("if (__reader.IsLenient)");
        w.Line("string __text = __reader.GetString();");
        foreach (var member in spec.EnumMembers)
        {
            string value = $"{spec.FullName}.{CSharp.Identifier(member.CSharpName)}";
            w.Line($"if (string.Equals(__text, {CSharp.Literal(member.JsonName)}, global::System.StringComparison.OrdinalIgnoreCase)) return {value};");
            if (member.CSharpName != member.JsonName)
            {
                w.Line($"if (string.Equals(__text, {CSharp.Literal(member.CSharpName)}, global::System.StringComparison.OrdinalIgnoreCase)) return {value};");
            }
        }

        w.Close();
        w.Line($"__reader.ThrowExpected({CSharp.Literal(expected)});");
        w.Line("return default;");
    }

    private void CollectionBody(SourceWriter w, TypeSpec spec, bool nullAbsent)
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
            w.Line($"if (!items.Add({ReadExpression(element, nullAbsent)})) __reader.ThrowConstraint(\"items must be unique\");");
        }
        else
        {
            w.Line($"items.Add({ReadExpression(element, nullAbsent)});");
        }

        w.Close();
        w.Line(spec.CollectionKind == CollectionKind.Array ? "return items.ToArray();" : "return items;");
    }

    private void DictionaryBody(SourceWriter w, TypeSpec spec, bool nullAbsent)
    {
        string valueName = _types.CSharpName(spec.Element!);
        w.Line("__reader.ExpectStartObject();");
        w.Line($"var map = new global::System.Collections.Generic.Dictionary<string, {valueName}>();");
        w.Open("while (__reader.NextProperty())");
        w.Line("string key = __reader.GetPropertyName();");
        w.Line("if (map.ContainsKey(key)) __reader.ThrowDuplicate();");
        w.Line("__reader.Next();");
        w.Line($"map.Add(key, {ReadExpression(spec.Element!, nullAbsent)});");
        w.Close();
        w.Line("return map;");
    }

    private void ObjectBody(SourceWriter w, TypeSpec spec, bool nullAbsent)
    {
        var inputs = spec.Members.Where(m => m.InputRole != MemberInputRole.None).ToList();
        var fields = new List<Field>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var member = inputs[i];
            string local = "__m" + i;
            string initial = member.DefaultCSharp ?? (member.Type.IsNullable || _types[member.Type.TypeId].IsValueType ? "default" : "default!");
            w.Line($"{_types.CSharpName(member.Type)} {local} = {initial};");
            bool keepsInitializer = (member.InputRole == MemberInputRole.Settable && !member.IsRequired) || member.SetsInitOnlyWhenSeen;
            fields.Add(new Field(member.JsonName, local, member.Type, member.IsRequired, member.Constraints, keepsInitializer));
        }

        w.Line("__reader.ExpectStartObject();");
        ReadFields(w, fields, nullAbsent);

        var arguments = inputs.Select((m, i) => (m, i)).Where(x => x.m.InputRole == MemberInputRole.ConstructorParameter)
            .OrderBy(x => x.m.ConstructorIndex).Select(x => "__m" + x.i);
        var initializers = inputs.Select((m, i) => (m, i))
            .Where(x => (x.m.InputRole == MemberInputRole.InitOnly && !x.m.SetsInitOnlyWhenSeen) || (x.m.InputRole == MemberInputRole.Settable && x.m.IsRequired))
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
                w.Line($"if ({Given(fields[i], i, nullAbsent)}) value.{CSharp.Identifier(inputs[i].CSharpName)} = __m{i};");
            }
            else if (inputs[i].SetsInitOnlyWhenSeen)
            {
                // Init-only members with an initializer keep it unless the model sent them; C# can only set them
                // after construction through the init accessor, which [UnsafeAccessor] calls without reflection.
                string accessor = InitAccessor(spec, inputs[i]);
                w.Line($"if ({Given(fields[i], i, nullAbsent)}) {accessor}({(spec.IsValueType ? "ref " : string.Empty)}value, __m{i});");
            }
        }

        w.Line("return value;");
    }

    /// <summary>The name of an [UnsafeAccessor] method calling the init accessor of <paramref name="member"/>.</summary>
    private string InitAccessor(TypeSpec spec, MemberSpec member)
    {
        string name = $"__ToolGen_Init_{_types.NameOf(spec.Id)}_{member.CSharpName}";
        string target = spec.IsValueType ? "ref " + spec.FullName : member.DeclaringTypeName ?? spec.FullName;
        string declaration = "[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = "
            + CSharp.Literal("set_" + member.CSharpName) + $")]\nprivate static extern void {name}({target} __target, {_types.CSharpName(member.Type)} __value);";
        if (!_accessors.Contains(declaration))
        {
            _accessors.Add(declaration);
        }

        return name;
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
        if (isString && c.RejectsBlank)
        {
            w.Line($"if (string.IsNullOrWhiteSpace({v})) __reader.ThrowConstraint(\"must not be empty or only whitespace\");");
        }

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
