using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// Finds what in a tool's input schema OpenAI or Anthropic strict mode cannot accept (provider-rules.md). It walks the
/// parser's type table the way the schema inlines it, so it judges exactly the shape that is emitted.
/// </summary>
internal sealed class StrictSchemaRules
{
    public const int MaxProperties = 5000;
    public const int MaxNesting = 10;
    public const int MaxEnumValues = 1000;

    private readonly Dictionary<string, TypeSpec> _types;
    private readonly List<string> _violations = new();
    private readonly HashSet<string> _reported = new();
    private readonly HashSet<string> _onPath = new();
    private int _properties;
    private bool _tooManyProperties;

    private StrictSchemaRules(ToolSpec tool)
    {
        _types = new Dictionary<string, TypeSpec>();
        foreach (var type in tool.Types)
        {
            _types[type.Id] = type;
        }
    }

    /// <summary>Readable reasons ("'filters' is a dictionary …"), empty when the schema is strict-compatible.</summary>
    public static IReadOnlyList<string> Violations(ToolSpec tool)
    {
        var rules = new StrictSchemaRules(tool);
        foreach (var parameter in tool.Parameters)
        {
            if (parameter.Type is not null && !rules._tooManyProperties)
            {
                rules._properties++;
                rules.Visit(parameter.Type.TypeId, parameter.JsonName, depth: 1, parameter.Constraints);
            }
        }

        if (rules._tooManyProperties)
        {
            rules._violations.Add($"its schema has more than {MaxProperties.ToString(CultureInfo.InvariantCulture)} object properties");
        }

        return rules._violations;
    }

    /// <param name="depth">Nesting level of the object holding the value at <paramref name="path"/>; the root object is level 1.</param>
    private void Visit(string typeId, string path, int depth, ConstraintSpec constraints)
    {
        if (_tooManyProperties || !_types.TryGetValue(typeId, out var spec))
        {
            return;
        }

        if (constraints.IsUrl || spec.Kind == JsonKind.Uri)
        {
            Report("uri:" + path, $"'{path}' has format \"uri\", which OpenAI strict mode does not support (the strict schema drops it)");
        }

        switch (spec.Kind)
        {
            case JsonKind.JsonElement:
            case JsonKind.JsonNode:
                Report("any:" + path, $"'{path}' accepts any JSON value, which strict mode cannot express");
                break;
            case JsonKind.Enum when spec.EnumMembers.Count > MaxEnumValues:
                Report("enum:" + spec.Id, $"'{path}' has {spec.EnumMembers.Count.ToString(CultureInfo.InvariantCulture)} enum values (the limit is {MaxEnumValues.ToString(CultureInfo.InvariantCulture)})");
                break;
            case JsonKind.Dictionary:
                Report("dictionary:" + path, $"'{path}' is a dictionary, an open object (strict mode needs additionalProperties: false on every object)");
                Nested(spec.ElementTypeId!, path + "{}", depth + 1);
                break;
            case JsonKind.Collection:
                Nested(spec.ElementTypeId!, path + "[]", depth);
                break;
            case JsonKind.Object:
                if (!_onPath.Add(spec.Id))
                {
                    Report("recursive:" + spec.Id, $"'{Short(spec.Id)}' is recursive at '{path}' (Anthropic strict mode rejects recursive schemas)");
                    return;
                }

                if (depth + 1 > MaxNesting)
                {
                    Report("depth", $"objects nest more than {MaxNesting.ToString(CultureInfo.InvariantCulture)} levels deep at '{path}'");
                    _onPath.Remove(spec.Id);
                    return;
                }

                foreach (var member in spec.Members.Where(m => m.InputRole != MemberInputRole.None))
                {
                    if (++_properties > MaxProperties)
                    {
                        _tooManyProperties = true;
                        break;
                    }

                    Visit(member.Type.TypeId, path + "." + member.JsonName, depth + 1, member.Constraints);
                }

                _onPath.Remove(spec.Id);
                break;
        }
    }

    private void Nested(string typeId, string path, int depth) => Visit(typeId, path, depth, ConstraintSpec.None);

    private void Report(string key, string reason)
    {
        if (_reported.Add(key))
        {
            _violations.Add(reason);
        }
    }

    private static string Short(string id) => id.Replace("global::", string.Empty);
}
