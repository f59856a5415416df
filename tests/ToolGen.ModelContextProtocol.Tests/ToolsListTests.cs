using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>tools/list shows the generated definitions, per protocol version.</summary>
public class ToolsListTests
{
    [Fact]
    public async Task Tools_list_equals_the_generated_definitions()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var listed = await server.Client.ListToolsAsync();
        var definitions = new DirectoryTools() is IToolSet set ? set.Tools : null!;
        Assert.Equal(definitions.Select(d => d.Name).OrderBy(n => n), listed.Select(t => t.Name).OrderBy(n => n));
        foreach (var definition in definitions)
        {
            var tool = listed.Single(t => t.Name == definition.Name).ProtocolTool;
            Assert.Equal(definition.Description, tool.Description);
            Assert.Equal(definition.Annotations.Title, tool.Title);
            Assert.Equal(definition.Annotations.Title, tool.Annotations!.Title);
            Assert.Equal(definition.Annotations.ReadOnly, tool.Annotations.ReadOnlyHint);
            Assert.Equal(definition.Annotations.Idempotent, tool.Annotations.IdempotentHint);
            Assert.Equal(definition.Annotations.Destructive, tool.Annotations.DestructiveHint);
            Assert.Equal(definition.Annotations.OpenWorld, tool.Annotations.OpenWorldHint);
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(definition.InputSchema).RootElement, tool.InputSchema), definition.Name);
            if (definition.OutputSchema is null)
            {
                Assert.Null(tool.OutputSchema);
            }
            else
            {
                // The client negotiates 2026-07-28 by default: schemas as generated.
                Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(definition.OutputSchema).RootElement, tool.OutputSchema!.Value), definition.Name);
            }
        }
    }

    [Fact]
    public async Task Annotations_reach_the_client_as_hints_with_the_title()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var listed = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        var lookup = listed["lookup_contact"];
        Assert.Equal("Look up a contact", lookup.Title);
        Assert.Equal((true, true, false, true), (lookup.Annotations!.ReadOnlyHint, lookup.Annotations.IdempotentHint, lookup.Annotations.DestructiveHint, lookup.Annotations.OpenWorldHint));
        var count = listed["count_visits"].Annotations!;
        Assert.Equal((false, true, true, false), (count.ReadOnlyHint, count.IdempotentHint, count.DestructiveHint, count.OpenWorldHint));
        // A tool that says nothing is assumed to have side effects: MCP's defaults, written out.
        var echo = listed["echo"];
        Assert.Null(echo.Title);
        Assert.Equal((false, false, true, true), (echo.Annotations!.ReadOnlyHint, echo.Annotations.IdempotentHint, echo.Annotations.DestructiveHint, echo.Annotations.OpenWorldHint));
    }

    [Fact]
    public async Task Older_clients_see_non_object_output_schemas_wrapped_in_result()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()), protocolVersion: "2025-06-18");
        Assert.Equal("2025-06-18", server.Client.NegotiatedProtocolVersion);
        var listed = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Equal(
            """{"type":"object","properties":{"result":{"type":"integer","minimum":-2147483648,"maximum":2147483647}},"required":["result"]}""",
            listed["count_visits"].OutputSchema!.Value.GetRawText());
        Assert.Equal(
            """{"type":"object","properties":{"result":{"type":"array","items":{"type":"string"}}},"required":["result"]}""",
            listed["list_names"].OutputSchema!.Value.GetRawText());
        // Objects stay as they are; a nullable object becomes "object".
        Assert.Equal("object", listed["lookup_contact"].OutputSchema!.Value.GetProperty("type").GetString());
        Assert.Equal("object", listed["find"].OutputSchema!.Value.GetProperty("type").GetString());
        Assert.Null(listed["forget"].OutputSchema);
    }

    [Fact]
    public async Task Natural_and_legacy_clients_of_one_server_each_get_their_shape()
    {
        var tools = new DirectoryTools();
        await using var natural = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(tools));
        await using var legacy = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(tools), protocolVersion: "2025-11-25");
        var a = (await natural.Client.ListToolsAsync()).Single(t => t.Name == "echo").ProtocolTool.OutputSchema!.Value;
        var b = (await legacy.Client.ListToolsAsync()).Single(t => t.Name == "echo").ProtocolTool.OutputSchema!.Value;
        Assert.Equal("""{"type":"string"}""", a.GetRawText());
        Assert.Equal("""{"type":"object","properties":{"result":{"type":"string"}},"required":["result"]}""", b.GetRawText());
    }
}
