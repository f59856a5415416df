using System.IO;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Extensions.AI.Tests.Loopback;
using ToolGen.Extensions.AI.Tests.Snippets;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The README's raw HTTP and MCP snippets, run.</summary>
public sealed class RawHttpAndMcpTests
{
    [Fact]
    public async Task Raw_http_sends_the_generated_tools_and_answers_every_call()
    {
        await using var server = new LoopbackServer("openai-tool-calls.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        http.BaseAddress = server.BaseAddress;
        using var timeout = new CancellationTokenSource(Guard.Timeout);

        string toolMessages = await RawHttpSnippet.RunAsync(http, timeout.Token).Guarded();

        Assert.True(server.Requests.TryPeek(out RecordedRequest? request));
        OpenAIClientTests.AssertJson(ToolGen.Providers.OpenAIChatCompletions.WriteTools(WeatherTools.ToolDefinitions), request.Json["tools"]);
        JsonArray messages = JsonNode.Parse(toolMessages)!.AsArray();
        Assert.Equal(5, messages.Count);
        Assert.Equal("call_count", (string)messages[4]!["tool_call_id"]!);
    }

    [Fact]
    public async Task Mcp_lists_the_tools_and_answers_calls_and_unknown_tools()
    {
        var input = new StringReader(
            """
            {"jsonrpc":"2.0","id":1,"method":"tools/list"}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_weather","arguments":{"city":"Paris"}}}
            {"jsonrpc":"2.0","id":"three","method":"tools/call","params":{"name":"get_wether","arguments":{}}}
            """);
        var output = new StringWriter();
        using var timeout = new CancellationTokenSource(Guard.Timeout);

        await McpSnippet.RunAsync(input, output, timeout.Token).Guarded();

        string[] replies = output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries);
        Assert.Equal(3, replies.Length);
        JsonNode list = JsonNode.Parse(replies[0])!;
        Assert.Equal(1, (int)list["id"]!);
        OpenAIClientTests.AssertJson(WeatherTools.ToolDefinitions[0].InputSchema, list["result"]!["tools"]![0]!["inputSchema"]);
        OpenAIClientTests.AssertJson(
            """{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"{\"success\":true,\"result\":{\"city\":\"Paris\",\"temperature\":18.5,\"unit\":\"Celsius\"}}"}],"isError":false}}""",
            JsonNode.Parse(replies[1]));
        JsonNode unknown = JsonNode.Parse(replies[2])!;
        Assert.Equal("three", (string)unknown["id"]!);
        Assert.Equal(-32602, (int)unknown["error"]!["code"]!);
    }
}
