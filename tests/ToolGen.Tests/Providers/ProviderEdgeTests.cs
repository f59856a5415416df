using System.Linq;
using ToolGen.Providers;
using Xunit;

namespace ToolGen.Tests.Providers;

/// <summary>Provider shapes a stress run found mishandled: deep arguments, a blocked Gemini answer, OpenAI's legacy call.</summary>
public sealed class ProviderEdgeTests
{
    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    [Theory]
    [InlineData(60)]
    [InlineData(65)]
    [InlineData(200)]
    public void Deep_arguments_reach_the_tool_and_do_not_cost_the_other_calls(int depth)
    {
        string message = "[{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"deep\",\"input\":" + Nested(depth) + "}," +
                         "{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"get_time\",\"input\":{}}]";

        var calls = AnthropicMessages.ReadToolCalls(message);

        Assert.Equal(["a", "b"], calls.Select(c => c.Id));
        Assert.Equal(Nested(depth), calls[0].ArgumentsJson);
    }

    [Theory]
    [InlineData("{\"candidates\":[{\"finishReason\":\"SAFETY\"}]}")]
    [InlineData("{\"candidates\":[{\"finishReason\":\"SAFETY\",\"content\":{\"role\":\"model\"}}]}")]
    [InlineData("{\"candidates\":[],\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}")]
    public void A_gemini_answer_blocked_for_safety_means_no_calls(string response) =>
        Assert.Empty(GeminiFunctions.ReadToolCalls(response));

    [Fact]
    public void The_legacy_openai_function_call_is_rejected_clearly()
    {
        const string completion = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"function_call\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}}]}";

        var exception = Assert.Throws<ProviderFormatException>(() => OpenAIChatCompletions.ReadToolCalls(completion));

        Assert.Contains("choices[0].message.function_call is the legacy function-calling shape", exception.Message);
    }
}
