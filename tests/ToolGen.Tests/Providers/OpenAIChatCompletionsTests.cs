using ToolGen.Providers;
using Xunit;
using static ToolGen.Tests.Providers.ProviderFixtures;

namespace ToolGen.Tests.Providers;

public sealed class OpenAIChatCompletionsTests
{
    [Fact]
    public void Tools_are_function_objects_with_strict_and_the_strict_schema_for_strict_tools() =>
        Assert.Equal(
            "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Get the current weather for a city (°C by default).\",\"parameters\":" + WeatherStrictSchema + ",\"strict\":true}}," +
            "{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"parameters\":" + TimeSchema + ",\"strict\":false}}]",
            OpenAIChatCompletions.WriteTools(Both));

    [Fact]
    public void Tool_calls_are_read_from_a_whole_completion()
    {
        const string completion = """
            {
              "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
              "object": "chat.completion",
              "created": 1741570283,
              "model": "gpt-4o-2024-08-06",
              "choices": [{
                "index": 0,
                "message": {
                  "role": "assistant",
                  "content": null,
                  "tool_calls": [
                    {"id": "call_abc123", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Tokyo\",\"unit\":\"c\"}"}},
                    {"id": "call_def456", "type": "function", "function": {"name": "get_time", "arguments": ""}}
                  ],
                  "refusal": null
                },
                "logprobs": null,
                "finish_reason": "tool_calls"
              }],
              "usage": {"prompt_tokens": 82, "completion_tokens": 17, "total_tokens": 99}
            }
            """;

        var calls = OpenAIChatCompletions.ReadToolCalls(completion);

        Assert.Equal(2, calls.Count);
        Assert.Equal("call_abc123", calls[0].Id);
        Assert.Equal("get_weather", calls[0].Name);
        Assert.Equal("{\"city\":\"Tokyo\",\"unit\":\"c\"}", calls[0].ArgumentsJson);
        Assert.Equal("{}", calls[1].ArgumentsJson);
    }

    [Fact]
    public void Tool_calls_are_read_from_an_assistant_message_and_bad_arguments_pass_through()
    {
        const string message = """{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"Par"}}]}""";

        var call = Assert.Single(OpenAIChatCompletions.ReadToolCalls(message));

        Assert.Equal("{\"city\": \"Par", call.ArgumentsJson); // for the tool set to report as invalid_arguments
    }

    [Fact]
    public void A_message_without_tool_calls_has_none()
    {
        Assert.Empty(OpenAIChatCompletions.ReadToolCalls("""{"role":"assistant","content":"Hello!"}"""));
        Assert.Empty(OpenAIChatCompletions.ReadToolCalls("""{"role":"assistant","content":"Hi","tool_calls":null}"""));
    }

    [Fact]
    public void Tool_messages_answer_each_call_with_the_envelope() =>
        Assert.Equal(
            "[{\"role\":\"tool\",\"tool_call_id\":\"call_abc123\",\"content\":" + Quoted(SunnyContent) + "}," +
            "{\"role\":\"tool\",\"tool_call_id\":\"call_def456\",\"content\":" + Quoted(MissingContent) + "}]",
            OpenAIChatCompletions.WriteToolMessages([Sunny("call_abc123"), Missing("call_def456")]));

    [Theory]
    [InlineData("{\"choices\":[{\"message\":{\"tool_calls\":[{\"type\":\"function\"", "not valid JSON")]
    [InlineData("{\"choices\":[]}", "choices[0].message is missing")]
    [InlineData("{\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"x\",\"arguments\":\"{}\"}}]}", "message.tool_calls[0].id is missing")]
    [InlineData("{\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"arguments\":\"{}\"}}]}", "message.tool_calls[0].function.name is missing")]
    [InlineData("{\"tool_calls\":{}}", "tool_calls must be an array")]
    [InlineData("[1,2]", "expected an assistant message")]
    [InlineData("{\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"x\",\"arguments\":42}}]}", "arguments must be a string")]
    public void Malformed_payloads_throw_a_provider_format_exception_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<ProviderFormatException>(() => OpenAIChatCompletions.ReadToolCalls(json));

        Assert.StartsWith("OpenAI Chat Completions: ", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
