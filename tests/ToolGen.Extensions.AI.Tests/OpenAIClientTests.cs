using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using ToolGen.Extensions.AI.Tests.Loopback;
using ToolGen.Extensions.AI.Tests.Snippets;
using ToolGen.Providers;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The real OpenAI .NET SDK against recorded Chat Completions responses on loopback.</summary>
public sealed class OpenAIClientTests
{
    [Fact]
    public async Task Parallel_tool_calls_are_dispatched_and_answered_with_one_tool_message_each()
    {
        await using var server = new LoopbackServer("openai-tool-calls.json", "openai-final.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Guard.Timeout);

        ChatCompletion final = await OpenAISnippet.RunAsync(CreateClient(server, http), timeout.Token).Guarded();

        Assert.Equal("Paris: 18.5 °C. Rome: 75.2 °F.", final.Content[0].Text);
        RecordedRequest[] requests = [.. server.Requests];
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal(("POST", "/v1/chat/completions"), (r.Method, r.Path)));

        // The tools array is exactly what ToolGen's own provider writer produces: the generated schemas, untouched.
        JsonNode first = requests[0].Json;
        AssertJson(OpenAIChatCompletions.WriteTools(WeatherTools.ToolDefinitions), first["tools"]);
        AssertJson("""[{"role":"user","content":"Weather in Paris and Rome?"}]""", first["messages"]);

        JsonNode second = requests[1].Json;
        AssertJson(first["tools"]!.ToJsonString(), second["tools"]);
        JsonArray messages = second["messages"]!.AsArray();
        Assert.Equal(7, messages.Count); // user, assistant with 5 tool_calls, 5 tool messages
        Assert.Equal(
            ["call_paris", "call_rome", "call_typo", "call_atlantis", "call_count"],
            messages[1]!["tool_calls"]!.AsArray().Select(c => (string)c!["id"]!));
        AssertJson(
            """
            [
              {"role":"tool","tool_call_id":"call_paris","content":"{\"success\":true,\"result\":{\"city\":\"Paris\",\"temperature\":18.5,\"unit\":\"Celsius\"}}"},
              {"role":"tool","tool_call_id":"call_rome","content":"{\"success\":true,\"result\":{\"city\":\"Rome\",\"temperature\":75.2,\"unit\":\"Fahrenheit\"}}"},
              {"role":"tool","tool_call_id":"call_typo","content":"{\"success\":false,\"error\":\"Unknown function 'get_wether'. Did you mean 'get_weather'?\",\"error_type\":\"function_not_found\",\"category\":\"permanent\"}"},
              {"role":"tool","tool_call_id":"call_atlantis","content":"{\"success\":false,\"error\":\"Unknown city 'Atlantis'.\",\"error_type\":\"execution_error\",\"category\":\"permanent\"}"},
              {"role":"tool","tool_call_id":"call_count","content":"{\"success\":false,\"error\":\"Invalid value for 'note': expected a string.\",\"error_type\":\"invalid_arguments\",\"category\":\"permanent\"}"}
            ]
            """,
            new JsonArray([.. messages.Skip(2).Select(m => m!.DeepClone())]));
    }

    internal static ChatClient CreateClient(LoopbackServer server, HttpClient http) => new(
        "gpt-4o",
        new ApiKeyCredential("test-key"),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(server.BaseAddress, "v1"),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(20),
        });

    internal static void AssertJson(string expected, JsonNode? actual)
    {
        JsonNode expectedNode = JsonNode.Parse(expected)!;
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected:\n{expectedNode.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
    }
}
