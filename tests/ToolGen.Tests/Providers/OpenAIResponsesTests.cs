using ToolGen.Providers;
using Xunit;
using static ToolGen.Tests.Providers.ProviderFixtures;

namespace ToolGen.Tests.Providers;

public sealed class OpenAIResponsesTests
{
    [Fact]
    public void Tools_are_flat_and_always_say_whether_they_are_strict() =>
        Assert.Equal(
            "[{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Get the current weather for a city (°C by default).\",\"parameters\":" + WeatherStrictSchema + ",\"strict\":true}," +
            "{\"type\":\"function\",\"name\":\"get_time\",\"parameters\":" + TimeSchema + ",\"strict\":false}]",
            OpenAIResponses.WriteTools(Both));

    [Fact]
    public void Function_call_items_are_read_from_a_response_skipping_other_items()
    {
        const string response = """
            {
              "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
              "object": "response",
              "status": "completed",
              "model": "gpt-4.1-2025-04-14",
              "output": [
                {"type": "reasoning", "id": "rs_1", "summary": []},
                {"type": "function_call", "id": "fc_67ca09c6bedc8190a7abfec07b1a1332", "call_id": "call_unLAR8MvFNptuiZK6K6HCy5k", "name": "get_weather", "arguments": "{\"city\":\"Paris\"}", "status": "completed"},
                {"type": "function_call", "id": "fc_2", "call_id": "call_2", "name": "get_time", "arguments": "{}", "status": "completed"},
                {"type": "message", "id": "msg_1", "role": "assistant", "content": [{"type": "output_text", "text": "Checking."}]}
              ]
            }
            """;

        var calls = OpenAIResponses.ReadToolCalls(response);

        Assert.Equal(["call_unLAR8MvFNptuiZK6K6HCy5k", "call_2"], calls.Select(c => c.Id));
        Assert.Equal("{\"city\":\"Paris\"}", calls[0].ArgumentsJson);
        Assert.Equal("get_time", calls[1].Name);
    }

    [Fact]
    public void A_single_item_or_an_item_array_is_accepted()
    {
        const string item = """{"type":"function_call","call_id":"call_9","name":"get_time","arguments":"{}"}""";

        Assert.Equal("call_9", Assert.Single(OpenAIResponses.ReadToolCalls(item)).Id);
        Assert.Equal("call_9", Assert.Single(OpenAIResponses.ReadToolCalls("[" + item + "]")).Id);
    }

    [Fact]
    public void Outputs_echo_the_call_id() =>
        Assert.Equal(
            "[{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":" + Quoted(SunnyContent) + "}," +
            "{\"type\":\"function_call_output\",\"call_id\":\"call_2\",\"output\":" + Quoted(MissingContent) + "}]",
            OpenAIResponses.WriteToolOutputs([Sunny("call_1"), Missing("call_2")]));

    [Theory]
    [InlineData("{\"output\":[{\"type\":\"function_call\",\"name\":\"x\",\"arguments\":\"{}\"}]}", "output[0].call_id is missing")]
    [InlineData("{\"output\":\"nope\"}", "response.output is missing or not an array")]
    [InlineData("\"text\"", "response.output is missing")]
    [InlineData("{\"output\":[", "not valid JSON")]
    public void Malformed_payloads_throw(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<ProviderFormatException>(() => OpenAIResponses.ReadToolCalls(json)).Message);
}
