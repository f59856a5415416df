using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen;
using ToolGen.Extensions.AI;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The adapter under the real FunctionInvokingChatClient, with a scripted model asking for several tools at once.</summary>
public sealed class FunctionInvokingChatClientTests
{
    [Fact]
    public async Task All_results_of_one_response_reach_the_next_request_in_order_with_errors()
    {
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("call_1", "get_weather", Json("""{"city":"Paris"}""")),
                new FunctionCallContent("call_2", "get_weather", Json("""{"city":"Rome","unit":"kelvin"}""")),
                new FunctionCallContent("call_3", "get_wether", Json("""{"city":"Oslo"}""")),
                new FunctionCallContent("call_4", "count_items", new Dictionary<string, object?>
                {
                    // CLR values, as a caller (or another IChatClient) may build them.
                    ["lines"] = new[] { new OrderLine("A-1", 2), new OrderLine("B-2", 1) },
                    ["note"] = "gift",
                }),
                new FunctionCallContent("call_5", "get_weather", Json("""{"city":"Atlantis"}"""))),
            ScriptedChatClient.Text("Paris is mild."));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        using IChatClient client = model.AsBuilder().UseFunctionInvocation().Build();

        ChatResponse response = await client.GetResponseAsync("Weather?", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded();

        Assert.Equal("Paris is mild.", response.Text);
        Assert.Equal(2, model.Requests.Count);
        ChatMessage toolMessage = model.Requests[1][^1];
        Assert.Equal(ChatRole.Tool, toolMessage.Role);
        FunctionResultContent[] results = [.. toolMessage.Contents.OfType<FunctionResultContent>()];
        Assert.Equal(["call_1", "call_2", "call_3", "call_4", "call_5"], results.Select(r => r.CallId));
        Assert.Equal("""{"success":true,"result":{"city":"Paris","temperature":18.5,"unit":"Celsius"}}""", Raw(results[0]));
        Assert.Equal(
            """{"success":false,"error":"Invalid value for 'unit': expected one of \"Celsius\", \"Fahrenheit\".","error_type":"invalid_arguments","category":"permanent"}""",
            Raw(results[1]));
        // Unknown names never reach an AIFunction: FunctionInvokingChatClient answers them itself.
        Assert.Contains("get_wether", Assert.IsType<string>(results[2].Result));
        Assert.Equal("""{"success":true,"result":"3 items (gift)"}""", Raw(results[3]));
        Assert.Equal(
            """{"success":false,"error":"Unknown city 'Atlantis'.","error_type":"execution_error","category":"permanent"}""",
            Raw(results[4]));
        Assert.All(results, r => Assert.Null(r.Exception));
    }

    [Fact]
    public async Task Concurrent_invocation_keeps_the_order()
    {
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("a", "get_weather", Json("""{"city":"Oslo","unit":"Fahrenheit"}""")),
                new FunctionCallContent("b", "get_weather", Json("""{}""")),
                new FunctionCallContent("c", "get_weather", new Dictionary<string, object?> { ["city"] = "Rome", ["unit"] = Unit.Celsius })),
            ScriptedChatClient.Text("done"));
        using IChatClient client = model.AsBuilder().UseFunctionInvocation(configure: f => f.AllowConcurrentInvocation = true).Build();

        await client.GetResponseAsync("Weather?", new ChatOptions { Tools = new WeatherTools().AsAIFunctions() }).Guarded();

        FunctionResultContent[] results = [.. model.Requests[1][^1].Contents.OfType<FunctionResultContent>()];
        Assert.Equal(["a", "b", "c"], results.Select(r => r.CallId));
        Assert.Equal("""{"success":true,"result":{"city":"Oslo","temperature":44.6,"unit":"Fahrenheit"}}""", Raw(results[0]));
        Assert.Equal("""{"success":false,"error":"Missing required argument 'city'.","error_type":"missing_argument","category":"permanent"}""", Raw(results[1]));
        Assert.Equal("""{"success":true,"result":{"city":"Rome","temperature":24,"unit":"Celsius"}}""", Raw(results[2]));
    }

    // What Microsoft.Extensions.AI.OpenAI builds from a model's arguments string: a dictionary of JsonElements.
    private static Dictionary<string, object?> Json(string json) => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    private static string Raw(FunctionResultContent result) => Assert.IsType<JsonElement>(result.Result).GetRawText();
}
