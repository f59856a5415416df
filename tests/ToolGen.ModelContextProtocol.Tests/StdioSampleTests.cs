using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>
/// The sample server (samples/ToolGen.Samples.McpServer) as a real client meets it: a child process on stdio. It runs
/// the built assembly with <c>dotnet</c>, or, when TOOLGEN_MCP_SERVER names a file, that file — .ci/run points it at
/// the Native AOT binary after publishing it.
/// </summary>
public class StdioSampleTests
{
    private static StdioClientTransport Transport()
    {
        string? native = Environment.GetEnvironmentVariable("TOOLGEN_MCP_SERVER");
        if (!string.IsNullOrEmpty(native))
        {
            Assert.True(File.Exists(native), $"TOOLGEN_MCP_SERVER={native} does not exist");
            return new StdioClientTransport(new StdioClientTransportOptions { Name = "sample", Command = native });
        }

        string dll = typeof(StdioSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleServer").Value!;
        Assert.True(File.Exists(dll), dll);
        return new StdioClientTransport(new StdioClientTransportOptions { Name = "sample", Command = "dotnet", Arguments = [dll] });
    }

    private static CallToolRequestParams Call(string name, string argumentsJson) => new()
    {
        Name = name,
        Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)!,
    };

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    [Fact]
    public async Task The_sample_server_lists_and_runs_its_tools_over_stdio()
    {
        // Pinned, with no probe timeout: a slow process start must not make the client fall back to an older version.
        await using McpClient client = await McpClient.CreateAsync(
            Transport(),
            new McpClientOptions { ProtocolVersion = "2026-07-28", DiscoverProbeTimeout = System.Threading.Timeout.InfiniteTimeSpan });
        Assert.Equal("2026-07-28", client.NegotiatedProtocolVersion);

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        Assert.Equal(new[] { "delete_product", "list_low_stock", "lookup_product", "set_price" }, tools.Keys.Order());
        Assert.Equal("object", tools["lookup_product"].OutputSchema!.Value.GetProperty("type").GetString());
        Assert.Equal("Looks up a product by its SKU. Read-only.", tools["lookup_product"].Description);

        var product = await client.CallToolAsync(Call("lookup_product", """{"sku":"TEA-001"}"""));
        Assert.NotEqual(true, product.IsError);
        const string tea = """{"sku":"TEA-001","name":"Sencha green tea, 100 g","price":8.50,"stock":42}""";
        Assert.Equal(tea, Text(product));
        Assert.Equal(tea, product.StructuredContent!.Value.GetRawText());

        var invalid = await client.CallToolAsync(Call("set_price", """{"sku":"tea-1","price":0}"""));
        Assert.True(invalid.IsError);
        Assert.StartsWith("Invalid value for 'sku'", Text(invalid));

        var updated = await client.CallToolAsync(Call("set_price", """{"sku":"TEA-002","price":12.5}"""));
        Assert.Equal(12.5m, updated.StructuredContent!.Value.GetProperty("price").GetDecimal());

        var low = await client.CallToolAsync(Call("list_low_stock", "{}"));
        Assert.Equal(new[] { "MUG-001", "TEA-002" }, low.StructuredContent!.Value.EnumerateArray().Select(p => p.GetProperty("sku").GetString()));

        Assert.Equal("true", Text(await client.CallToolAsync(Call("delete_product", """{"sku":"MUG-001"}"""))));
        var gone = await client.CallToolAsync(Call("lookup_product", """{"sku":"MUG-001"}"""));
        Assert.True(gone.IsError);
        Assert.Contains("No product has the SKU 'MUG-001'", Text(gone));
    }
}
