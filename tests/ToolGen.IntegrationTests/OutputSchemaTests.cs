using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace ToolGen.IntegrationTests;

/// <summary>
/// The generated output schema describes what the generated result writer writes: every successful result of the
/// schema-agreement corpus validates against its tool's <see cref="ToolDefinition.OutputSchema"/>.
/// </summary>
public class OutputSchemaTests
{
    [Theory]
    [MemberData(nameof(SchemaAgreementTests.Corpus), MemberType = typeof(SchemaAgreementTests))]
    public async Task Every_result_is_valid_against_the_output_schema(string tool, string json)
    {
        IToolSet tools = SchemaAgreementTests.ToolSetOf(tool);
        var definition = tools.Tools.Single(t => t.Name == tool);
        var result = await tools.InvokeAsync(new ToolCall("c", tool, json), default);
        if (!result.IsSuccess)
        {
            return; // the input side is SchemaAgreementTests' business
        }

        Assert.NotNull(definition.OutputSchema);
        var schema = await SchemaAgreementTests.NJsonSchemaOf(definition.OutputSchema!);
        var errors = schema.Validate(result.ResultJson!);
        Assert.True(errors.Count == 0, $"{result.ResultJson} against {definition.OutputSchema}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void Records_are_objects_with_every_member_required_and_no_input_bounds()
    {
        var schema = JsonDocument.Parse(new WeatherTools("t").ToolDefinitions().Single(t => t.Name == "get_weather").OutputSchema!).RootElement;
        Assert.Equal(
            """{"type":"object","properties":{"city":{"type":"string"},"temperature":{"type":"number"},"unit":{"type":"string","enum":["Celsius","Fahrenheit"]}},"required":["city","temperature","unit"],"additionalProperties":false}""",
            schema.GetRawText());

        // [Range(1, 100)] bounds what a model may send, not what a tool returns; defaults neither.
        string order = new EchoTools().ToolDefinitions().Single(t => t.Name == "place_order").OutputSchema!;
        Assert.DoesNotContain("\"default\"", order);
        Assert.DoesNotContain("\"maximum\":100", order);
    }

    [Fact]
    public void Tools_returning_nothing_have_no_output_schema_and_scalars_have_theirs()
    {
        var tools = new WeatherTools("t").ToolDefinitions();
        Assert.Null(tools.Single(t => t.Name == "refresh").OutputSchema);
        Assert.True(tools.Single(t => t.Name == "ping").OutputSchemaUtf8.IsEmpty);
        Assert.Equal("""{"type":"string"}""", tools.Single(t => t.Name == "get_time").OutputSchema);
        Assert.Equal("""{"type":"number"}""", MathTools.ToolDefinitions.Single().OutputSchema);
    }

    [Fact]
    public async Task A_recursive_result_type_keeps_its_defs_at_the_root()
    {
        var definition = new EchoTools().ToolDefinitions().Single(t => t.Name == "echo_tree");
        using var document = JsonDocument.Parse(definition.OutputSchema!);
        Assert.Equal("object", document.RootElement.GetProperty("type").GetString());
        Assert.True(document.RootElement.TryGetProperty("$defs", out _), definition.OutputSchema);
        var result = await ToolRunner.Success(new EchoTools(), "echo_tree", """{"root":{"name":"a","children":[{"name":"b","children":[]}]}}""");
        var schema = await SchemaAgreementTests.NJsonSchemaOf(definition.OutputSchema!);
        Assert.Empty(schema.Validate(result));
    }
}

internal static class ToolSetExtensions
{
    public static System.Collections.Generic.IReadOnlyList<ToolDefinition> ToolDefinitions(this IToolSet tools) => tools.Tools;
}
