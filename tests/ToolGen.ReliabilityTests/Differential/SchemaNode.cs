using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// A view of one subschema of a tool's InputSchema with its $ref resolved, giving the generators and the echo
/// comparer the few keywords the generator emits (type, enum, format, pattern, bounds, items, properties).
/// </summary>
internal readonly struct SchemaNode
{
    private readonly JsonElement _root;

    public SchemaNode(JsonElement root, JsonElement element)
    {
        _root = root;
        Element = element;
        while (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty("$ref", out JsonElement reference))
        {
            // Only local "#/$defs/Name" references are generated.
            string name = reference.GetString()!["#/$defs/".Length..];
            Element = root.GetProperty("$defs").GetProperty(name);
        }
    }

    public JsonElement Element { get; }

    public SchemaNode Child(JsonElement element) => new(_root, element);

    /// <summary>The non-null type ("string", "integer"…), or null for the any-JSON schema <c>{}</c>.</summary>
    public string? Type
    {
        get
        {
            if (!Element.TryGetProperty("type", out JsonElement type))
            {
                return null;
            }

            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }

            foreach (JsonElement t in type.EnumerateArray())
            {
                if (t.GetString() != "null")
                {
                    return t.GetString();
                }
            }

            return null;
        }
    }

    public bool Nullable
    {
        get
        {
            if (!Element.TryGetProperty("type", out JsonElement type))
            {
                return true;
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement t in type.EnumerateArray())
                {
                    if (t.GetString() == "null")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    public string? Format => String("format");

    public string? Pattern => String("pattern");

    public JsonElement? Enum => Element.TryGetProperty("enum", out JsonElement e) ? e : null;

    public JsonElement? Default => Element.TryGetProperty("default", out JsonElement e) ? e : null;

    public SchemaNode? Items => Element.TryGetProperty("items", out JsonElement e) ? Child(e) : null;

    /// <summary>The value schema of a dictionary (additionalProperties as a schema, not false).</summary>
    public SchemaNode? Values => Element.TryGetProperty("additionalProperties", out JsonElement e) && e.ValueKind == JsonValueKind.Object ? Child(e) : null;

    public bool UniqueItems => Element.TryGetProperty("uniqueItems", out JsonElement e) && e.GetBoolean();

    public IEnumerable<(string Name, SchemaNode Schema)> Properties
    {
        get
        {
            if (Element.TryGetProperty("properties", out JsonElement properties))
            {
                foreach (JsonProperty p in properties.EnumerateObject())
                {
                    yield return (p.Name, Child(p.Value));
                }
            }
        }
    }

    public HashSet<string> Required
    {
        get
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (Element.TryGetProperty("required", out JsonElement required))
            {
                foreach (JsonElement r in required.EnumerateArray())
                {
                    set.Add(r.GetString()!);
                }
            }

            return set;
        }
    }

    public decimal? Number(string keyword) => Element.TryGetProperty(keyword, out JsonElement e) ? e.GetDecimal() : null;

    public int? Int(string keyword) => Element.TryGetProperty(keyword, out JsonElement e) ? e.GetInt32() : null;

    private string? String(string keyword) => Element.TryGetProperty(keyword, out JsonElement e) ? e.GetString() : null;
}
