using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using ToolGen.Extensions.AI.Tests.Loopback;
using ToolGen.Extensions.AI.Tests.Snippets;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The real Anthropic .NET SDK against recorded Messages API responses on loopback.</summary>
public sealed class AnthropicClientTests
{
    [Fact]
    public async Task Tool_use_blocks_are_answered_by_one_user_message_of_tool_results()
    {
        await using var server = new LoopbackServer("anthropic-tool-use.json", "anthropic-final.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Guard.Timeout);
        var client = new AnthropicClient
        {
            ApiKey = "test-key",
            BaseUrl = server.BaseAddress.ToString().TrimEnd('/'),
            HttpClient = http,
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(20),
        };

        Message final = await AnthropicSnippet.RunAsync(client, timeout.Token).Guarded();

        Assert.Equal("end_turn", final.StopReason?.Raw());
        RecordedRequest[] requests = [.. server.Requests];
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal(("POST", "/v1/messages"), (r.Method, r.Path)));

        JsonNode first = requests[0].Json;
        OpenAIClientTests.AssertJson(ToolGen.Providers.AnthropicMessages.WriteTools(WeatherTools.ToolDefinitions), first["tools"]);

        JsonArray messages = requests[1].Json["messages"]!.AsArray();
        Assert.Equal(3, messages.Count); // user, assistant (text + 4 tool_use), user (4 tool_result)
        Assert.Equal(
            ["text", "tool_use", "tool_use", "tool_use", "tool_use"],
            messages[1]!["content"]!.AsArray().Select(b => (string)b!["type"]!));
        OpenAIClientTests.AssertJson(
            """
            {"role":"user","content":[
              {"type":"tool_result","tool_use_id":"toolu_paris","content":"{\"success\":true,\"result\":{\"city\":\"Paris\",\"temperature\":18.5,\"unit\":\"Celsius\"}}","is_error":false},
              {"type":"tool_result","tool_use_id":"toolu_rome","content":"{\"success\":true,\"result\":{\"city\":\"Rome\",\"temperature\":75.2,\"unit\":\"Fahrenheit\"}}","is_error":false},
              {"type":"tool_result","tool_use_id":"toolu_bad","content":"{\"success\":false,\"error\":\"Unknown argument 'town'. Expected: city, unit.\",\"error_type\":\"invalid_arguments\",\"category\":\"permanent\"}","is_error":true},
              {"type":"tool_result","tool_use_id":"toolu_typo","content":"{\"success\":false,\"error\":\"Unknown function 'get_wether'. Did you mean 'get_weather'?\",\"error_type\":\"function_not_found\",\"category\":\"permanent\"}","is_error":true}
            ]}
            """,
            messages[2]);
    }

    [Fact]
    public async Task The_adapter_works_through_the_sdks_own_chat_client_too()
    {
        await using var server = new LoopbackServer("anthropic-tool-use.json", "anthropic-final.json");
        using HttpClient http = LoopbackServer.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Guard.Timeout);
        var client = new AnthropicClient { ApiKey = "test-key", BaseUrl = server.BaseAddress.ToString().TrimEnd('/'), HttpClient = http, MaxRetries = 0 };

        ChatResponse response = await MicrosoftExtensionsAISnippet.RunAsync(client.AsIChatClient("claude-sonnet-4-5", 1024), timeout.Token).Guarded();

        Assert.EndsWith("Paris: 18.5 °C. Rome: 75.2 °F.", response.Text);
        RecordedRequest[] requests = [.. server.Requests];
        Assert.Equal(2, requests.Length);
        JsonArray tools = requests[0].Json["tools"]!.AsArray();
        Assert.Equal(["get_weather", "count_items"], tools.Select(t => (string)t!["name"]!));
        JsonNode[] results = [.. requests[1].Json["messages"]!.AsArray()[^1]!["content"]!.AsArray().Select(b => b!)];
        Assert.All(results, b => Assert.Equal("tool_result", (string)b["type"]!));
        Assert.Equal(["toolu_paris", "toolu_rome", "toolu_bad", "toolu_typo"], results.Select(b => (string)b["tool_use_id"]!));
        Assert.Contains("invalid_arguments", results[2].ToJsonString()); // the envelope, whatever block shape the SDK picks
    }
}
