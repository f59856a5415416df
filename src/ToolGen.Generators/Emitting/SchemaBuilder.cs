using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Emitting;

/// <summary>
/// Writes a tool's input schema (draft 2020-12) from the model, in two variants: the full one, and the strict one
/// OpenAI and Anthropic constrain decoding with (all properties required, optional ones nullable, no defaults or bounds).
/// Recursive types go to <c>$defs</c>; everything else is inlined, which models read best. It also writes the output
/// schema of a tool's return value: every readable member, all required (the result writer writes each one), and no
/// DataAnnotations bounds or defaults, which constrain what the model sends, not what a tool returns.
/// </summary>
internal sealed class SchemaBuilder
{
    private readonly TypeTable _types;
    private readonly bool _strict;
    private readonly bool _output;
    private readonly HashSet<string> _recursive;
    private readonly Dictionary<string, string> _defNames = new();

    // Set while the outermost value of an output schema is being written: its object receives the $defs.
    private bool _atOutputRoot;

    private SchemaBuilder(TypeTable types, ToolSpec tool, bool strict, bool output)
    {
        _types = types;
        _strict = strict;
        _output = output;
        _recursive = FindRecursive(types, tool, output);
        foreach (var id in _recursive.OrderBy(i => i, System.StringComparer.Ordinal))
        {
            string name = types.NameOf(id);
            _defNames[id] = name;
        }
    }

    public static string Build(TypeTable types, ToolSpec tool, bool strict) => new SchemaBuilder(types, tool, strict, output: false).Root(tool);

    /// <summary>The schema of the tool's return value, or null for a tool that returns nothing.</summary>
    public static string? BuildOutput(TypeTable types, ToolSpec tool) =>
        tool.ReturnType is null ? null : new SchemaBuilder(types, tool, strict: false, output: true).OutputRoot(tool.ReturnType);

    private string OutputRoot(TypeRef type)
    {
        var json = new JsonTextBuilder();
        _atOutputRoot = true;
        var spec = _types[type.TypeId];
        if (spec.Kind == JsonKind.Object)
        {
            // Inline even when recursive: clients of protocol versions before 2026-07-28 require "type":"object" here.
            ObjectBody(json, spec, type.IsNullable, spec.Description);
        }
        else
        {
            Value(json, type, null, ConstraintSpec.None, required: true, defaultJson: null);
        }

        return json.ToString();
    }

    private bool TakeOutputRoot()
    {
        bool root = _atOutputRoot;
        _atOutputRoot = false;
        return root;
    }

    private void Defs(JsonTextBuilder json)
    {
        if (_recursive.Count == 0)
        {
            return;
        }

        json.Name("$defs").StartObject();
        foreach (var id in _recursive.OrderBy(i => _defNames[i], System.StringComparer.Ordinal))
        {
            json.Name(_defNames[id]);
            ObjectBody(json, _types[id], nullable: false, description: _types[id].Description);
        }

        json.EndObject();
    }

    private string Root(ToolSpec tool)
    {
        var json = new JsonTextBuilder();
        json.StartObject().Property("type", "object");
        json.Name("properties").StartObject();
        foreach (var parameter in tool.Parameters.Where(p => !p.IsInjected))
        {
            json.Name(parameter.JsonName);
            Value(json, parameter.Type!, parameter.Description, parameter.Constraints, parameter.IsRequired, parameter.DefaultJson);
        }

        json.EndObject();
        Required(json, tool.Parameters.Where(p => !p.IsInjected && (p.IsRequired || _strict)).Select(p => p.JsonName));
        json.RawProperty("additionalProperties", "false");
        Defs(json);
        return json.EndObject().ToString();
    }

    private void Value(JsonTextBuilder json, TypeRef type, string? description, ConstraintSpec constraints, bool required, string? defaultJson)
    {
        // In strict mode an optional value must still be sent, so null stands for "absent". [Required] rejects null.
        bool nullable = (type.IsNullable && !constraints.IsRequired) || (_strict && !required);
        var spec = _types[type.TypeId];
        description ??= spec.Description;
        if (_output)
        {
            constraints = ConstraintSpec.None;
            defaultJson = null;
        }

        if (spec.Kind == JsonKind.Object && _recursive.Contains(spec.Id))
        {
            json.StartObject();
            if (nullable)
            {
                json.Name("anyOf").StartArray().StartObject().Property("$ref", "#/$defs/" + _defNames[spec.Id]).EndObject()
                    .StartObject().Property("type", "null").EndObject().EndArray();
            }
            else
            {
                json.Property("$ref", "#/$defs/" + _defNames[spec.Id]);
            }

            Describe(json, description, defaultJson);
            json.EndObject();
            return;
        }

        if (spec.Kind == JsonKind.Object)
        {
            ObjectBody(json, spec, nullable, description, defaultJson);
            return;
        }

        bool root = TakeOutputRoot();
        json.StartObject();
        switch (spec.Kind)
        {
            case JsonKind.JsonElement:
            case JsonKind.JsonNode:
                break;
            case JsonKind.Enum:
                Type(json, "string", nullable);
                json.Name("enum").StartArray();
                foreach (var member in spec.EnumMembers)
                {
                    json.String(member.JsonName);
                }

                if (nullable)
                {
                    json.Raw("null");
                }

                json.EndArray();
                break;
            case JsonKind.Collection:
                Type(json, "array", nullable);
                json.Name("items");
                Value(json, spec.Element!, null, ConstraintSpec.None, required: true, defaultJson: null);
                if (spec.CollectionKind == CollectionKind.HashSet && !_strict)
                {
                    json.RawProperty("uniqueItems", "true");
                }

                Lengths(json, constraints, "minItems", "maxItems");
                break;
            case JsonKind.Dictionary:
                Type(json, "object", nullable);
                json.Name("additionalProperties");
                Value(json, spec.Element!, null, ConstraintSpec.None, required: true, defaultJson: null);
                Lengths(json, constraints, "minProperties", "maxProperties");
                break;
            default:
                Scalar(json, spec.Kind, nullable, constraints);
                break;
        }

        if (constraints.AllowedValuesJson.Count > 0 && spec.Kind is not (JsonKind.Enum or JsonKind.Collection or JsonKind.Dictionary))
        {
            json.Name("enum").StartArray();
            foreach (var value in constraints.AllowedValuesJson)
            {
                json.Raw(value);
            }

            if (nullable)
            {
                json.Raw("null");
            }

            json.EndArray();
        }

        Describe(json, description, defaultJson);
        if (root)
        {
            Defs(json);
        }

        json.EndObject();
    }

    private void ObjectBody(JsonTextBuilder json, TypeSpec spec, bool nullable, string? description, string? defaultJson = null)
    {
        bool root = TakeOutputRoot();
        json.StartObject();
        Type(json, "object", nullable);
        Describe(json, description, _output ? null : defaultJson);
        var members = spec.Members.Where(m => IsInSchema(m, _output)).ToList();
        json.Name("properties").StartObject();
        foreach (var member in members)
        {
            json.Name(member.JsonName);
            Value(json, member.Type, member.Description, member.Constraints, member.IsRequired, member.DefaultJson);
        }

        json.EndObject();
        Required(json, members.Where(m => m.IsRequired || _strict || _output).Select(m => m.JsonName));
        json.RawProperty("additionalProperties", "false");
        if (root)
        {
            Defs(json);
        }

        json.EndObject();
    }

    // Input: the members the parser reads. Output: the members the result writer writes.
    private static bool IsInSchema(MemberSpec member, bool output) => output ? member.CanRead : member.InputRole != MemberInputRole.None;

    private void Scalar(JsonTextBuilder json, JsonKind kind, bool nullable, ConstraintSpec constraints)
    {
        var (type, format, min, max) = kind switch
        {
            JsonKind.String => ("string", null, null, null),
            JsonKind.Boolean => ("boolean", null, null, null),
            JsonKind.Byte => ("integer", null, "0", "255"),
            JsonKind.SByte => ("integer", null, "-128", "127"),
            JsonKind.Int16 => ("integer", null, "-32768", "32767"),
            JsonKind.UInt16 => ("integer", null, "0", "65535"),
            JsonKind.Int32 => ("integer", null, "-2147483648", "2147483647"),
            JsonKind.UInt32 => ("integer", null, "0", "4294967295"),
            JsonKind.Int64 => ("integer", null, "-9223372036854775808", "9223372036854775807"),
            JsonKind.UInt64 => ("integer", null, "0", "18446744073709551615"),
            JsonKind.Single or JsonKind.Double or JsonKind.Decimal => ("number", null, null, null),
            JsonKind.Char => ("string", null, null, null),
            JsonKind.DateTime or JsonKind.DateTimeOffset => ("string", "date-time", null, null),
            JsonKind.DateOnly => ("string", "date", null, null),
            JsonKind.TimeOnly => ("string", "time", null, null),
            JsonKind.TimeSpan => ("string", null, null, null),
            JsonKind.Guid => ("string", "uuid", null, null),
            JsonKind.Uri => ("string", "uri", null, null),
            _ => ("string", (string?)null, (string?)null, (string?)null),
        };

        Type(json, type, nullable);
        if (constraints.IsEmail)
        {
            format = "email";
        }
        else if (constraints.IsUrl)
        {
            format = "uri";
        }

        // Strict mode (OpenAI) does not support "uri".
        if (format is not null && !(_strict && format == "uri"))
        {
            json.Property("format", format);
        }

        if (kind == JsonKind.TimeSpan)
        {
            json.Property("pattern", @"^-?(\d+\.)?([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?$");
        }

        bool rejectsBlank = kind == JsonKind.String && constraints.RejectsBlank;
        if (constraints.Pattern is not null)
        {
            // [Required] adds "not only whitespace" as a lookahead, since a schema object has one pattern.
            string blank = rejectsBlank ? @"(?=[\s\S]*\S)" : string.Empty;
            json.Property("pattern", "^" + blank + "(?:" + constraints.Pattern + ")$");
        }
        else if (constraints.IsUrl)
        {
            // [Url] accepts only http, https and ftp URLs, which "format": "uri" alone does not say.
            json.Property("pattern", "^([hH][tT][tT][pP][sS]?|[fF][tT][pP])://");
        }
        else if (rejectsBlank)
        {
            // [Required]: at least one character that is not whitespace (.NET's \s is char.IsWhiteSpace).
            json.Property("pattern", @"\S");
        }

        if (_strict)
        {
            return;
        }

        if (kind == JsonKind.Char)
        {
            json.RawProperty("minLength", "1").RawProperty("maxLength", "1");
        }

        if (rejectsBlank && !(constraints.MinLength >= 1))
        {
            json.RawProperty("minLength", "1");
        }

        Lengths(json, constraints, "minLength", "maxLength");
        string? minimum = Tighter(min, constraints.Minimum, lower: true);
        string? maximum = Tighter(max, constraints.Maximum, lower: false);
        if (minimum is not null)
        {
            json.RawProperty(constraints.MinimumIsExclusive && minimum == constraints.Minimum ? "exclusiveMinimum" : "minimum", minimum);
        }

        if (maximum is not null)
        {
            json.RawProperty(constraints.MaximumIsExclusive && maximum == constraints.Maximum ? "exclusiveMaximum" : "maximum", maximum);
        }
    }

    private void Lengths(JsonTextBuilder json, ConstraintSpec constraints, string minName, string maxName)
    {
        if (_strict)
        {
            return;
        }

        if (constraints.MinLength is int min)
        {
            json.RawProperty(minName, min.ToString(CultureInfo.InvariantCulture));
        }

        if (constraints.MaxLength is int max)
        {
            json.RawProperty(maxName, max.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Describe(JsonTextBuilder json, string? description, string? defaultJson)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            json.Property("description", description!.Trim());
        }

        if (defaultJson is not null && !_strict)
        {
            json.RawProperty("default", defaultJson);
        }
    }

    private static void Type(JsonTextBuilder json, string type, bool nullable)
    {
        if (nullable)
        {
            json.Name("type").StartArray().String(type).String("null").EndArray();
        }
        else
        {
            json.Property("type", type);
        }
    }

    private static void Required(JsonTextBuilder json, IEnumerable<string> names)
    {
        json.Name("required").StartArray();
        foreach (var name in names)
        {
            json.String(name);
        }

        json.EndArray();
    }

    /// <summary>The bound that is tighter of the type's own and the [Range] one.</summary>
    private static string? Tighter(string? typeBound, string? rangeBound, bool lower)
    {
        if (typeBound is null || rangeBound is null)
        {
            return rangeBound ?? typeBound;
        }

        double a = double.Parse(typeBound, CultureInfo.InvariantCulture);
        double b = double.Parse(rangeBound, CultureInfo.InvariantCulture);
        return (lower ? b >= a : b <= a) ? rangeBound : typeBound;
    }

    /// <summary>Object types reachable from themselves: only these need <c>$defs</c>.</summary>
    private static HashSet<string> FindRecursive(TypeTable types, ToolSpec tool, bool output)
    {
        var recursive = new HashSet<string>();
        var onStack = new HashSet<string>();
        var done = new HashSet<string>();

        void Visit(string id)
        {
            if (onStack.Contains(id))
            {
                if (types[id].Kind == JsonKind.Object)
                {
                    recursive.Add(id);
                }

                return;
            }

            if (!done.Add(id))
            {
                return;
            }

            onStack.Add(id);
            var spec = types[id];
            if (spec.ElementTypeId is not null)
            {
                Visit(spec.ElementTypeId);
            }

            foreach (var member in spec.Members.Where(m => IsInSchema(m, output)))
            {
                Visit(member.Type.TypeId);
            }

            onStack.Remove(id);
        }

        if (output)
        {
            Visit(tool.ReturnType!.TypeId);
        }
        else
        {
            foreach (var parameter in tool.Parameters.Where(p => p.Type is not null))
            {
                Visit(parameter.Type!.TypeId);
            }
        }

        // A recursive chain through a non-object (List<Node>) marks the object that closes the cycle.
        return recursive;
    }
}
