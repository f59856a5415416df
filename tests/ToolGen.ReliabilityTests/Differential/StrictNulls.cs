using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// The README's strict-tool rule as a payload rewrite: a null for an optional member whose schema does not allow null
/// means "absent, use the default", so the payload is judged without those members.
/// </summary>
internal static class StrictNulls
{
    public static string Remove(SchemaNode schema, JsonElement payload)
    {
        JsonNode? node = JsonNode.Parse(payload.GetRawText());
        Walk(schema, node);
        return JsonText.Of(node);
    }

    private static void Walk(SchemaNode schema, JsonNode? node)
    {
        if (node is JsonObject obj && schema.Type == "object" && schema.Values is null)
        {
            var required = schema.Required;
            foreach (var (name, child) in schema.Properties)
            {
                if (obj.TryGetPropertyValue(name, out JsonNode? value))
                {
                    if (value is null && !required.Contains(name) && !child.Nullable)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        Walk(child, value);
                    }
                }
            }
        }
        else if (node is JsonArray array && schema.Items is SchemaNode items)
        {
            foreach (JsonNode? item in array.ToArray())
            {
                Walk(items, item);
            }
        }
    }
}
