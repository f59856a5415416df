using System.Text;
using ToolGen.Providers;
using Xunit;
using static ToolGen.Tests.Providers.ProviderFixtures;

namespace ToolGen.Tests.Providers;

public sealed class AnthropicMessagesTests
{
    [Fact]
    public void Tools_use_input_schema_and_strict_tools_say_so() =>
        Assert.Equal(
            "[{\"name\":\"get_weather\",\"description\":\"Get the current weather for a city (°C by default).\",\"input_schema\":" + WeatherStrictSchema + ",\"strict\":true}," +
            "{\"name\":\"get_time\",\"input_schema\":" + TimeSchema + "}]",
            AnthropicMessages.WriteTools(Both));

    [Fact]
    public void Tool_use_blocks_become_calls_with_the_input_object_as_arguments()
    {
        const string message = """
            {
              "id": "msg_01Aq9w938a90dw8q",
              "type": "message",
              "role": "assistant",
              "model": "claude-sonnet-4-5",
              "content": [
                {"type": "text", "text": "I'll check both."},
                {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"city": "Tokyo", "unit": "c"}},
                {"type": "tool_use", "id": "toolu_02", "name": "get_time", "input": {}}
              ],
              "stop_reason": "tool_use",
              "stop_sequence": null,
              "usage": {"input_tokens": 472, "output_tokens": 91}
            }
            """;

        var calls = AnthropicMessages.ReadToolCalls(message);

        Assert.Equal(2, calls.Count);
        Assert.Equal("toolu_01A09q90qw90lq917835lq9", calls[0].Id);
        Assert.Equal("{\"city\": \"Tokyo\", \"unit\": \"c\"}", Encoding.UTF8.GetString(calls[0].ArgumentsUtf8.Span));
        Assert.Equal("{}", calls[1].ArgumentsJson);
    }

    [Fact]
    public void A_bare_content_array_is_accepted() =>
        Assert.Equal("t1", Assert.Single(AnthropicMessages.ReadToolCalls("""[{"type":"tool_use","id":"t1","name":"get_time","input":{}}]""")).Id);

    [Fact]
    public void All_results_go_in_one_user_message_with_is_error() =>
        Assert.Equal(
            "{\"role\":\"user\",\"content\":[" +
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":" + Quoted(SunnyContent) + ",\"is_error\":false}," +
            "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":" + Quoted(MissingContent) + ",\"is_error\":true}]}",
            AnthropicMessages.WriteToolResultMessage([Sunny("toolu_1"), Missing("toolu_2")]));

    [Theory]
    [InlineData("{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"x\",\"input\":\"{}\"}]}", "content[0].input must be a JSON object")]
    [InlineData("{\"content\":[{\"type\":\"tool_use\",\"name\":\"x\",\"input\":{}}]}", "content[0].id is missing")]
    [InlineData("{\"role\":\"assistant\"}", "message.content is missing")]
    [InlineData("{\"content\":[{]}", "not valid JSON")]
    public void Malformed_payloads_throw(string json, string expected)
    {
        var error = Assert.Throws<ProviderFormatException>(() => AnthropicMessages.ReadToolCalls(json));

        Assert.StartsWith("Anthropic Messages: ", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
