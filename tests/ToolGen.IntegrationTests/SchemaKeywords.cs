using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ToolGen.IntegrationTests;

/// <summary>Structural checks of generated schemas against the draft 2020-12 vocabulary and the strict-mode rules.</summary>
internal static class SchemaKeywords
{
    private static readonly HashSet<string> Draft202012 = new()
    {
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "format", "pattern",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
        "uniqueItems", "minProperties", "maxProperties", "description", "default", "$defs", "$ref", "anyOf",
    };

    private static readonly HashSet<string> RemovedInStrict = new()
    {
        "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
    };

    public static void AssertKnown(JsonElement schema, string tool)
    {
        foreach (var property in schema.EnumerateObject())
        {
            Assert.True(Draft202012.Contains(property.Name), $"{tool}: unexpected keyword '{property.Name}'");
            switch (property.Name)
            {
                case "properties":
                case "$defs":
                    foreach (var child in property.Value.EnumerateObject())
                    {
                        AssertKnown(child.Value, tool);
                    }

                    break;
                case "items":
                    AssertKnown(property.Value, tool);
                    break;
                case "additionalProperties" when property.Value.ValueKind == JsonValueKind.Object:
                    AssertKnown(property.Value, tool);
                    break;
                case "anyOf":
                    foreach (var child in property.Value.EnumerateArray())
                    {
                        AssertKnown(child, tool);
                    }

                    break;
                case "$ref":
                    Assert.StartsWith("#/$defs/", property.Value.GetString());
                    break;
                case "type" when property.Value.ValueKind == JsonValueKind.Array:
                    Assert.Contains(property.Value.EnumerateArray(), t => t.GetString() == "null");
                    break;
            }
        }
    }

    public static void AssertStrict(JsonElement schema, string tool)
    {
        foreach (var property in schema.EnumerateObject())
        {
            Assert.False(RemovedInStrict.Contains(property.Name), $"{tool}: strict schema keeps '{property.Name}'");
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var names = properties.EnumerateObject().Select(p => p.Name).ToHashSet();
            var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
            Assert.True(names.SetEquals(required), $"{tool}: strict schema must require every property");
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
            foreach (var child in properties.EnumerateObject())
            {
                AssertStrict(child.Value, tool);
            }
        }

        foreach (var key in new[] { "items", "$defs" })
        {
            if (schema.TryGetProperty(key, out var child))
            {
                if (key == "$defs")
                {
                    foreach (var def in child.EnumerateObject())
                    {
                        AssertStrict(def.Value, tool);
                    }
                }
                else
                {
                    AssertStrict(child, tool);
                }
            }
        }
    }
}
