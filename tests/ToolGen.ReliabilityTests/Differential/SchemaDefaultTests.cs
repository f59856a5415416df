using System.Linq;
using System.Text.Json;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>A schema's "default" must itself be valid for its property: models copy defaults into calls.</summary>
public class SchemaDefaultTests
{
    [Fact]
    public void Enum_defaults_are_members_of_their_enum()
    {
        foreach (ToolDefinition tool in EchoTools.ToolDefinitions)
        {
            using var document = JsonDocument.Parse(tool.InputSchema);
            var root = new SchemaNode(document.RootElement, document.RootElement);
            foreach (var (name, schema) in root.Properties)
            {
                if (schema.Default is JsonElement value && schema.Enum is JsonElement members)
                {
                    Assert.True(members.EnumerateArray().Any(m => JsonElement.DeepEquals(m, value)), $"{tool.Name}.{name}: default {value} not in {members}");
                }
            }
        }
    }
}
