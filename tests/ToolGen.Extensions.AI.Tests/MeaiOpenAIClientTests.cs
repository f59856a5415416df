using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen.Extensions.AI.Tests.Loopback;
using ToolGen.Extensions.AI.Tests.Snippets;
using ToolGen.Providers;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The adapter through Microsoft.Extensions.AI.OpenAI (<c>AsIChatClient()</c>) and FunctionInvokingChatClient.</summary>
public sealed class MeaiOpenAIClientTests
{
    [Fact]
    public async Task The_adapter_answers_every_parallel_call_through_the_openai_chat_client()
    {
        await using var server = new LoopbackServer("openai-tool-calls.json", "openai-final.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Guard.Timeout);
        IChatClient openAI = OpenAIClientTests.CreateClient(server, http).AsIChatClient();

        ChatResponse response = await MicrosoftExtensionsAISnippet.RunAsync(openAI, timeout.Token).Guarded();

        Assert.Equal("Paris: 18.5 °C. Rome: 75.2 °F.", response.Text);
        RecordedRequest[] requests = [.. server.Requests];
        Assert.Equal(2, requests.Length);
        // The AIFunctions' schemas reach the wire as generated.
        JsonArray tools = requests[0].Json["tools"]!.AsArray();
        Assert.Equal(["get_weather", "count_items"], tools.Select(t => (string)t!["function"]!["name"]!));
        for (int i = 0; i < tools.Count; i++)
        {
            OpenAIClientTests.AssertJson(WeatherTools.ToolDefinitions[i].InputSchema, tools[i]!["function"]!["parameters"]);
            Assert.Equal(WeatherTools.ToolDefinitions[i].Description, (string)tools[i]!["function"]!["description"]!);
        }

        JsonArray messages = requests[1].Json["messages"]!.AsArray();
        JsonNode[] toolMessages = [.. messages.Where(m => (string)m!["role"]! == "tool").Select(m => m!)];
        Assert.Equal(
            ["call_paris", "call_rome", "call_typo", "call_atlantis", "call_count"],
            toolMessages.Select(m => (string)m["tool_call_id"]!));
        // The AIFunction returns the ToolResult envelope as a JsonElement; the OpenAI client sends it as the content.
        OpenAIClientTests.AssertJson("""{"success":true,"result":{"city":"Paris","temperature":18.5,"unit":"Celsius"}}""", JsonNode.Parse((string)toolMessages[0]["content"]!));
        OpenAIClientTests.AssertJson("""{"success":true,"result":{"city":"Rome","temperature":75.2,"unit":"Fahrenheit"}}""", JsonNode.Parse((string)toolMessages[1]["content"]!));
        Assert.Contains("get_wether", (string)toolMessages[2]["content"]!); // FunctionInvokingChatClient's own answer
        OpenAIClientTests.AssertJson(
            """{"success":false,"error":"Unknown city 'Atlantis'.","error_type":"execution_error","category":"permanent"}""",
            JsonNode.Parse((string)toolMessages[3]["content"]!));
        OpenAIClientTests.AssertJson(
            """{"success":false,"error":"Invalid value for 'note': expected a string.","error_type":"invalid_arguments","category":"permanent"}""",
            JsonNode.Parse((string)toolMessages[4]["content"]!));
    }
}
