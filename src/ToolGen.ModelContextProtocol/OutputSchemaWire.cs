using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.ModelContextProtocol;

/// <summary>
/// Output schemas and structured content in the shape each protocol version expects. From 2026-07-28 (SEP-2106) any
/// JSON Schema is an output schema and structured content is the value itself; before it, the output schema must be
/// an object: a schema of another type is wrapped as <c>{"type":"object","properties":{"result":…},"required":["result"]}</c>
/// and the value as <c>{"result":…}</c>, and <c>"type":["object","null"]</c> becomes <c>"object"</c>. These are the SDK's
/// own rules for its reflection-based tools, decided per request from the negotiated version.
/// </summary>
internal static class OutputSchemaWire
{
    private const string NaturalSchemasVersion = "2026-07-28";

    /// <summary>Whether a client on <paramref name="protocolVersion"/> takes schemas and values as they are.</summary>
    public static bool IsNatural(string? protocolVersion) =>
        protocolVersion is not null && string.CompareOrdinal(protocolVersion, NaturalSchemasVersion) >= 0;

    /// <summary>Whether values of this schema are wrapped as <c>{"result":…}</c> for older clients.</summary>
    public static bool NeedsWrapping(JsonElement schema) =>
        !(schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out JsonElement type) && IsObjectType(type));

    /// <summary>The schema as clients before 2026-07-28 must see it.</summary>
    public static JsonElement ToLegacy(JsonElement schema)
    {
        if (!NeedsWrapping(schema))
        {
            if (schema.GetProperty("type").ValueKind == JsonValueKind.String)
            {
                return schema;
            }

            var normalized = JsonNode.Parse(schema.GetRawText())!.AsObject();
            normalized["type"] = "object";
            return Element(normalized);
        }

        JsonNode inner = JsonNode.Parse(schema.GetRawText())!;
        RewriteReferences(inner);
        var wrapped = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["result"] = inner },
            ["required"] = new JsonArray("result"),
        };
        return Element(wrapped);
    }

    /// <summary>
    /// The structured content for a client on <paramref name="protocolVersion"/>; none for a null value that is not
    /// wrapped (a nullable object returned as null), as the SDK sends it.
    /// </summary>
    public static JsonElement? Content(JsonElement value, JsonElement schema, string? protocolVersion)
    {
        if (IsNatural(protocolVersion) || !NeedsWrapping(schema))
        {
            return value.ValueKind == JsonValueKind.Null ? null : value;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(value.GetRawText().Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result"u8);
            value.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static bool IsObjectType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => type.ValueEquals("object"u8),
        // ["object","null"]: a nullable object, an object schema once normalized.
        JsonValueKind.Array => type.GetArrayLength() == 2 && Contains(type, "object") && Contains(type, "null"),
        _ => false,
    };

    private static bool Contains(JsonElement array, string value)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.ValueEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    // The schema moves under #/properties/result, so its absolute pointers ("#/$defs/Node", "#") move with it.
    private static void RewriteReferences(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? pointer))
            {
                if (pointer == "#")
                {
                    obj["$ref"] = "#/properties/result";
                }
                else if (pointer.StartsWith("#/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/properties/result" + pointer.Substring(1);
                }
            }

            foreach (var property in obj)
            {
                RewriteReferences(property.Value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                RewriteReferences(item);
            }
        }
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
