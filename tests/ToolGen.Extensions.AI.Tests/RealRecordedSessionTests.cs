using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Chat;
using ToolGen.Extensions.AI.Tests.Loopback;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The tool of the OpenAI .NET SDK's own recorded parallel-tool-call session (Recorded/SOURCES.md).</summary>
public sealed partial class CityWeatherTools
{
    /// <summary>gets the current weather for a given city</summary>
    /// <param name="cityName">the name of a city, e.g. Johannesburg or Ho Chi Minh City.</param>
    [Tool("get_weather_for_city")]
    public string GetWeatherForCity([ToolParameter("city_name")] string cityName) => cityName == "Santiago" ? "rainy" : "sunny";
}

/// <summary>
/// A real model's parallel tool calls, as recorded by the OpenAI .NET SDK's test suite (not written for these tests):
/// the SDK on loopback reads them, ToolGen dispatches both, and the follow-up request answers each call id, in order,
/// the way the recorded follow-up request did.
/// </summary>
public sealed class RealRecordedSessionTests
{
    [Fact]
    public async Task A_recorded_OpenAI_parallel_tool_call_session_replays_through_ToolGen()
    {
        await using var server = new LoopbackServer("Real/openai-parallel-tool-calls.json", "Real/openai-parallel-final.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Guard.Timeout);
        ChatClient client = OpenAIClientTests.CreateClient(server, http);
        var dispatcher = new ToolDispatcher(new CityWeatherTools());
        var options = new ChatCompletionOptions();
        foreach (ToolDefinition tool in dispatcher.Tools)
        {
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, System.BinaryData.FromBytes(tool.InputSchemaUtf8)));
        }

        List<ChatMessage> messages = [new UserChatMessage("Tell me what's the current weather in the following cities: Santiago and Karachi.")];
        ChatCompletion completion = await client.CompleteChatAsync(messages, options, timeout.Token).Guarded();
        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        messages.Add(new AssistantChatMessage(completion));
        IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync(
            completion.ToolCalls.Select(c => new ToolCall(c.Id, c.FunctionName, c.FunctionArguments.ToMemory())), timeout.Token).Guarded();
        messages.AddRange(results.Select(r => new ToolChatMessage(r.CallId, r.Content)));
        ChatCompletion final = await client.CompleteChatAsync(messages, options, timeout.Token).Guarded();

        Assert.Equal("The current weather is as follows:\n- Santiago: Rainy\n- Karachi: Sunny", final.Content[0].Text);
        RecordedRequest[] requests = [.. server.Requests];
        Assert.Equal(2, requests.Length);

        // The recorded follow-up request had: user, assistant with both tool_calls, one tool message per call id in
        // call order. ToolGen's answers carry its envelope where the SDK's test sent bare strings.
        JsonArray sent = requests[1].Json["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "tool", "tool"], sent.Select(m => (string)m!["role"]!));
        Assert.Equal(
            ["call_SKQEHo7QVlJRoCtEzcrYZM9C", "call_CkjljlLr7IebPc4hnvetfiZ8"],
            sent[1]!["tool_calls"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(
            [("call_SKQEHo7QVlJRoCtEzcrYZM9C", """{"success":true,"result":"rainy"}"""), ("call_CkjljlLr7IebPc4hnvetfiZ8", """{"success":true,"result":"sunny"}""")],
            sent.Skip(2).Select(m => ((string)m!["tool_call_id"]!, (string)m["content"]!)));
    }
}
