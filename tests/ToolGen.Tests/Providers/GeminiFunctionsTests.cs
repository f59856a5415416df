using ToolGen.Providers;
using Xunit;
using static ToolGen.Tests.Providers.ProviderFixtures;

namespace ToolGen.Tests.Providers;

public sealed class GeminiFunctionsTests
{
    [Fact]
    public void Tools_are_function_declarations_with_the_json_schema() =>
        Assert.Equal(
            "[{\"functionDeclarations\":[" +
            "{\"name\":\"get_weather\",\"description\":\"Get the current weather for a city (°C by default).\",\"parametersJsonSchema\":" + WeatherSchema + "}," +
            "{\"name\":\"get_time\",\"parametersJsonSchema\":" + TimeSchema + "}]}]",
            GeminiFunctions.WriteTools(Both));

    [Fact]
    public void Function_calls_are_read_from_a_response()
    {
        const string response = """
            {
              "candidates": [{
                "content": {
                  "role": "model",
                  "parts": [
                    {"text": "Let me look."},
                    {"functionCall": {"id": "fc-1", "name": "get_weather", "args": {"city": "Berlin"}}},
                    {"functionCall": {"name": "get_time"}}
                  ]
                },
                "finishReason": "STOP",
                "index": 0
              }],
              "usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 12, "totalTokenCount": 62},
              "modelVersion": "gemini-2.5-flash"
            }
            """;

        var calls = GeminiFunctions.ReadToolCalls(response);

        Assert.Equal(2, calls.Count);
        Assert.Equal("fc-1", calls[0].Id);
        Assert.Equal("{\"city\": \"Berlin\"}", calls[0].ArgumentsJson);
        Assert.Equal("", calls[1].Id);
        Assert.Equal("{}", calls[1].ArgumentsJson);
    }

    [Fact]
    public void A_content_object_and_a_parts_array_are_accepted()
    {
        const string parts = """[{"functionCall":{"name":"get_time","args":{}}}]""";

        Assert.Single(GeminiFunctions.ReadToolCalls(parts));
        Assert.Single(GeminiFunctions.ReadToolCalls("{\"role\":\"model\",\"parts\":" + parts + "}"));
        Assert.Empty(GeminiFunctions.ReadToolCalls("""{"candidates":[{"content":{"role":"model"},"finishReason":"SAFETY"}]}"""));
    }

    [Fact]
    public void Responses_carry_output_on_success_and_error_on_failure()
    {
        ToolResult noId = ToolResult.Failure(new ToolCall("", "get_time", "{}"), ToolErrorKind.Timeout, ToolErrorCategory.Transient, "slow");

        Assert.Equal(
            "{\"role\":\"user\",\"parts\":[" +
            "{\"functionResponse\":{\"id\":\"fc-1\",\"name\":\"get_weather\",\"response\":{\"output\":{\"temp\":21,\"sky\":\"sunny\"}}}}," +
            "{\"functionResponse\":{\"id\":\"fc-2\",\"name\":\"get_time\",\"response\":{\"error\":" + MissingContent + "}}}," +
            "{\"functionResponse\":{\"name\":\"get_time\",\"response\":{\"error\":{\"success\":false,\"error\":\"slow\",\"error_type\":\"timeout\",\"category\":\"transient\"}}}}]}",
            GeminiFunctions.WriteFunctionResponses([Sunny("fc-1"), Missing("fc-2"), noId]));
    }

    [Theory]
    [InlineData("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"args\":{}}}]}}]}", "candidates[0].content.parts[0].functionCall.name is missing")]
    [InlineData("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"x\",\"args\":[1]}}]}}]}", "args must be a JSON object")]
    [InlineData("{\"candidates\":{}}", "candidates must be an array of candidate objects")]
    [InlineData("42", "expected a response")]
    public void Malformed_payloads_throw(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<ProviderFormatException>(() => GeminiFunctions.ReadToolCalls(json)).Message);
}
