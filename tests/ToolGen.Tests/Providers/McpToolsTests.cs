using ToolGen.Providers;
using Xunit;
using static ToolGen.Tests.Providers.ProviderFixtures;

namespace ToolGen.Tests.Providers;

public sealed class McpToolsTests
{
    [Fact]
    public void Tools_list_entries_have_an_input_schema_a_title_and_every_annotation() =>
        Assert.Equal(
            "{\"tools\":[" +
            "{\"name\":\"get_weather\",\"title\":\"Weather\",\"description\":\"Get the current weather for a city (°C by default).\",\"inputSchema\":" + WeatherSchema +
            ",\"annotations\":{\"title\":\"Weather\",\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":true}}," +
            "{\"name\":\"get_time\",\"inputSchema\":" + TimeSchema +
            ",\"annotations\":{\"readOnlyHint\":false,\"destructiveHint\":true,\"idempotentHint\":false,\"openWorldHint\":true}}]}",
            McpTools.WriteToolsList(Both));

    [Fact]
    public void A_tools_call_request_is_read_with_its_raw_id()
    {
        ToolCall call = McpTools.ReadToolCall("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_weather","arguments":{"city":"New York"}}}""");

        Assert.Equal("2", call.Id);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("{\"city\":\"New York\"}", call.ArgumentsJson);
        Assert.Equal("\"req-7\"", McpTools.ReadToolCall("""{"jsonrpc":"2.0","id":"req-7","method":"tools/call","params":{"name":"get_time"}}""").Id);
    }

    [Fact]
    public void Bare_params_are_accepted() =>
        Assert.Equal("{}", McpTools.ReadToolCall("""{"name":"get_time"}""").ArgumentsJson);

    [Fact]
    public void Call_results_are_text_content_with_is_error()
    {
        Assert.Equal("{\"content\":[{\"type\":\"text\",\"text\":" + Quoted(SunnyContent) + "}],\"isError\":false}", McpTools.WriteCallResult(Sunny("1")));
        Assert.Equal("{\"content\":[{\"type\":\"text\",\"text\":" + Quoted(MissingContent) + "}],\"isError\":true}", McpTools.WriteCallResult(Missing("1")));
    }

    [Fact]
    public void Responses_echo_the_id_and_an_unknown_tool_is_a_json_rpc_error()
    {
        ToolResult unknown = ToolResult.Failure(new ToolCall("\"req-7\"", "get_wether", "{}"), ToolErrorKind.FunctionNotFound, ToolErrorCategory.Permanent, "Unknown function 'get_wether'. Did you mean 'get_weather'?");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"content\":[{\"type\":\"text\",\"text\":" + Quoted(MissingContent) + "}],\"isError\":true}}",
            McpTools.WriteCallResponse(Missing("2")));
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":\"req-7\",\"error\":{\"code\":-32602,\"message\":\"Unknown function 'get_wether'. Did you mean 'get_weather'?\"}}",
            McpTools.WriteCallResponse(unknown));
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "expected method tools/call")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}", "no params object")]
    [InlineData("{\"name\":\"x\",\"arguments\":\"{}\"}", "params.arguments must be a JSON object")]
    [InlineData("{\"arguments\":{}}", "params.name is missing")]
    [InlineData("{\"name\":", "not valid JSON")]
    public void Malformed_requests_throw(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<ProviderFormatException>(() => McpTools.ReadToolCall(json)).Message);
}
