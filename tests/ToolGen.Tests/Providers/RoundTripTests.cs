using System.Threading.Tasks;
using ToolGen.Providers;
using ToolGen.Tests.Infrastructure;
using Xunit;

namespace ToolGen.Tests.Providers;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Parallel_calls_from_a_completion_are_answered_in_order_including_a_misspelled_tool()
    {
        var set = new FakeToolSet()
            .Add("get_weather", (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, "{\"temp\":21}")))
            .Returns("get_time", "\"12:00\"");
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { TimeProvider = new TestClock() }, set);
        const string completion = """
            {"choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}},
              {"id":"call_2","type":"function","function":{"name":"get_wether","arguments":"{\"city\":\"Rome\"}"}},
              {"id":"call_3","type":"function","function":{"name":"get_time","arguments":"{}"}}]}}]}
            """;

        var results = await dispatcher.DispatchAllAsync(OpenAIChatCompletions.ReadToolCalls(completion)).Guarded();
        string messages = OpenAIChatCompletions.WriteToolMessages(results);

        Assert.Equal(
            "[{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"success\\\":true,\\\"result\\\":{\\\"temp\\\":21}}\"}," +
            "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"{\\\"success\\\":false,\\\"error\\\":\\\"Unknown function 'get_wether'. Did you mean 'get_weather'?\\\",\\\"error_type\\\":\\\"function_not_found\\\",\\\"category\\\":\\\"permanent\\\"}\"}," +
            "{\"role\":\"tool\",\"tool_call_id\":\"call_3\",\"content\":\"{\\\"success\\\":true,\\\"result\\\":\\\"12:00\\\"}\"}]",
            messages);
    }

    [Fact]
    public async Task Anthropic_tool_use_input_reaches_the_tool_as_bytes()
    {
        string? seen = null;
        var set = new FakeToolSet().Add("get_weather", (call, _) =>
        {
            seen = call.ArgumentsJson;
            return new ValueTask<ToolResult>(ToolResult.Success(call, "1"));
        });
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { TimeProvider = new TestClock() }, set);

        var results = await dispatcher.DispatchAllAsync(AnthropicMessages.ReadToolCalls(
            """{"content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Kyōto"}}]}""")).Guarded();

        Assert.Equal("{\"city\":\"Kyōto\"}", seen);
        Assert.Contains("\"is_error\":false", AnthropicMessages.WriteToolResultMessage(results));
    }
}
