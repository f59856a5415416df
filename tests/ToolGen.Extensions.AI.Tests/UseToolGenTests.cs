using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen;
using ToolGen.Extensions.AI;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>ChatClientBuilder.UseToolGen: the real FunctionInvokingChatClient loop with ToolGen's batch semantics.</summary>
public sealed class UseToolGenTests
{
    [Fact]
    public async Task All_calls_of_one_response_run_together_even_without_AllowConcurrentInvocation()
    {
        // Each meet call waits for all three: run one by one (the base client's default), the first would never return.
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("a", "meet", Json("""{"name":"Ada"}""")),
                new FunctionCallContent("b", "meet", Json("""{"name":"Bo"}""")),
                new FunctionCallContent("c", "meet", Json("""{"name":"Cy"}"""))),
            ScriptedChatClient.Text("Everyone met."));
        var dispatcher = new ToolDispatcher(new RendezvousTools(expected: 3));
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();

        ChatResponse response = await client.GetResponseAsync("Meet up", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded();

        Assert.Equal("Everyone met.", response.Text);
        Assert.False(client.GetService<ToolGenFunctionInvokingChatClient>()!.AllowConcurrentInvocation);
        FunctionResultContent[] results = ToolResults(model.Requests[1]);
        Assert.Equal(["a", "b", "c"], results.Select(r => r.CallId));
        Assert.Equal(
            [
                """{"success":true,"result":"Ada met everyone"}""",
                """{"success":true,"result":"Bo met everyone"}""",
                """{"success":true,"result":"Cy met everyone"}""",
            ],
            results.Select(Raw));
    }

    [Fact]
    public async Task Streaming_responses_get_the_same_batch_and_did_you_mean()
    {
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("a", "meet", Json("""{"name":"Ada"}""")),
                new FunctionCallContent("b", "meet", Json("""{"name":"Bo"}""")),
                new FunctionCallContent("c", "meat", Json("""{"name":"Cy"}"""))),
            ScriptedChatClient.Text("Met."));
        var dispatcher = new ToolDispatcher(new RendezvousTools(expected: 2));
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();

        var text = new System.Text.StringBuilder();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("Meet up", new ChatOptions { Tools = dispatcher.AsAIFunctions() }))
        {
            text.Append(update.Text);
        }

        Assert.Equal("Met.", text.ToString());
        FunctionResultContent[] results = ToolResults(model.Requests[1]);
        Assert.Equal(["a", "b", "c"], results.Select(r => r.CallId));
        Assert.Equal("""{"success":true,"result":"Ada met everyone"}""", Raw(results[0]));
        Assert.Equal("""{"success":true,"result":"Bo met everyone"}""", Raw(results[1]));
        Assert.Contains("Did you mean 'meet'?", Raw(results[2]));
    }

    [Fact]
    public async Task An_invented_name_gets_ToolGens_did_you_mean_and_the_other_calls_still_run()
    {
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("1", "get_wether", Json("""{"city":"Oslo"}""")),
                new FunctionCallContent("2", "get_weather", Json("""{"city":"Oslo"}"""))),
            ScriptedChatClient.Text("ok"));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();

        await client.GetResponseAsync("Weather?", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded();

        FunctionResultContent[] results = ToolResults(model.Requests[1]);
        Assert.Equal(
            """{"success":false,"error":"Unknown function 'get_wether'. Did you mean 'get_weather'?","error_type":"function_not_found","category":"permanent"}""",
            Raw(results[0]));
        Assert.Equal("""{"success":true,"result":{"city":"Oslo","temperature":7,"unit":"Celsius"}}""", Raw(results[1]));
        Assert.Equal(ToolErrorKind.FunctionNotFound, Assert.IsType<ToolCallFailedException>(results[0].Exception).Result.ErrorKind);
        Assert.Null(results[1].Exception);
    }

    [Fact]
    public async Task Failed_results_count_toward_MaximumConsecutiveErrorsPerRequest()
    {
        FunctionCallContent Bad(string id) => new(id, "get_weather", Json("""{"city":"Atlantis"}"""));
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(Bad("1")),
            ScriptedChatClient.Calls(Bad("2")),
            ScriptedChatClient.Text("never reached"));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        using IChatClient client = model.AsBuilder()
            .UseToolGen(dispatcher, c => c.MaximumConsecutiveErrorsPerRequest = 1)
            .Build();

        ToolCallFailedException error = await Assert.ThrowsAsync<ToolCallFailedException>(
            () => client.GetResponseAsync("Weather?", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded());

        Assert.Equal("Unknown city 'Atlantis'.", error.Result.ErrorMessage);
        Assert.Equal(2, model.Requests.Count); // the loop stopped after the second failing iteration
    }

    [Fact]
    public async Task MaximumIterationsPerRequest_ends_the_loop_exactly_as_in_the_base_client()
    {
        static ScriptedChatClient Model() => new(
            ScriptedChatClient.Calls(new FunctionCallContent("1", "get_weather", Json("""{"city":"Oslo"}"""))),
            ScriptedChatClient.Calls(new FunctionCallContent("2", "get_weather", Json("""{"city":"Rome"}"""))),
            ScriptedChatClient.Calls(new FunctionCallContent("3", "get_weather", Json("""{"city":"Paris"}"""))),
            ScriptedChatClient.Text("unused"));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        var options = new ChatOptions { Tools = dispatcher.AsAIFunctions() };
        ScriptedChatClient toolGenModel = Model();
        ScriptedChatClient baseModel = Model();
        using IChatClient toolGen = toolGenModel.AsBuilder().UseToolGen(dispatcher, c => c.MaximumIterationsPerRequest = 2).Build();
        using IChatClient plain = baseModel.AsBuilder().UseFunctionInvocation(configure: c => c.MaximumIterationsPerRequest = 2).Build();

        ChatResponse viaToolGen = await toolGen.GetResponseAsync("Weather?", options).Guarded();
        ChatResponse viaBase = await plain.GetResponseAsync("Weather?", options).Guarded();

        Assert.Equal(3, toolGenModel.Requests.Count); // two iterations with tools, then one last request without them
        Assert.Equal(baseModel.Requests.Count, toolGenModel.Requests.Count);
        Assert.Equal(viaBase.Messages.Count, viaToolGen.Messages.Count);
    }

    [Fact]
    public async Task Other_AIFunctions_in_the_same_response_run_as_usual()
    {
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("1", "get_weather", Json("""{"city":"Rome"}""")),
                new FunctionCallContent("2", "clock", new Dictionary<string, object?>())),
            ScriptedChatClient.Text("ok"));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        IList<AITool> tools = dispatcher.AsAIFunctions();
        tools.Add(AIFunctionFactory.Create(() => "12:00", "clock"));
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();

        await client.GetResponseAsync("Weather?", new ChatOptions { Tools = tools }).Guarded();

        FunctionResultContent[] results = ToolResults(model.Requests[1]);
        Assert.Equal("""{"success":true,"result":{"city":"Rome","temperature":24,"unit":"Celsius"}}""", Raw(results[0]));
        Assert.Equal("12:00", results[1].Result?.ToString());
    }

    [Fact]
    public async Task Approval_required_tools_surface_a_ToolApprovalRequestContent_and_run_only_when_approved()
    {
        var refunds = new RefundTools();
        var dispatcher = new ToolDispatcher(refunds); // no Approver: the user decides through the chat client
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(new FunctionCallContent("r1", "refund", Json("""{"order":"A-1","amount":30}"""))),
            ScriptedChatClient.Text("Refunded."),
            ScriptedChatClient.Calls(new FunctionCallContent("r2", "refund", Json("""{"order":"B-2","amount":900}"""))),
            ScriptedChatClient.Text("Not refunded."));
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();
        var options = new ChatOptions { Tools = dispatcher.AsAIFunctions() };
        Assert.IsType<ApprovalRequiredAIFunction>(options.Tools[0]);
        Assert.IsType<ToolGenAIFunction>(options.Tools[1]);
        List<ChatMessage> history = [new(ChatRole.User, "Refund A-1")];

        // Turn 1: the model asks; the user is asked; nothing ran yet.
        ChatResponse asked = await client.GetResponseAsync(history, options).Guarded();
        ToolApprovalRequestContent request = Assert.Single(asked.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.Equal("refund", Assert.IsType<FunctionCallContent>(request.ToolCall).Name);
        Assert.Equal(0, refunds.Refunds);

        // The user approves: the call runs once and the model gets ToolGen's result.
        history.AddRange(asked.Messages);
        history.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        ChatResponse done = await client.GetResponseAsync(history, options).Guarded();
        Assert.Equal("Refunded.", done.Text);
        Assert.Equal(1, refunds.Refunds);
        FunctionResultContent ran = Assert.Single(model.Requests[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("""{"success":true,"result":"refunded 30 on A-1"}""", Raw(ran));

        // Turn 2: the user denies; the tool never runs.
        history.AddRange(done.Messages);
        history.Add(new ChatMessage(ChatRole.User, "Refund B-2"));
        ChatResponse askedAgain = await client.GetResponseAsync(history, options).Guarded();
        ToolApprovalRequestContent second = Assert.Single(askedAgain.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        history.AddRange(askedAgain.Messages);
        history.Add(new ChatMessage(ChatRole.User, [second.CreateResponse(approved: false, reason: "too large")]));
        ChatResponse denied = await client.GetResponseAsync(history, options).Guarded();
        Assert.Equal("Not refunded.", denied.Text);
        Assert.Equal(1, refunds.Refunds);
    }

    [Fact]
    public async Task With_an_Approver_the_dispatcher_decides_and_a_denial_reaches_the_model_as_denied()
    {
        var refunds = new RefundTools();
        var dispatcher = new ToolDispatcher(
            new ToolDispatcherOptions
            {
                Approver = (request, _) => new ValueTask<ToolApproval>(
                    request.Arguments.GetProperty("amount").GetDecimal() < 100 ? ToolApproval.Approve() : ToolApproval.Deny("over the limit")),
            },
            refunds);
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(
                new FunctionCallContent("small", "refund", Json("""{"order":"A-1","amount":30}""")),
                new FunctionCallContent("large", "refund", Json("""{"order":"B-2","amount":900}"""))),
            ScriptedChatClient.Text("One refunded."));
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();
        var options = new ChatOptions { Tools = dispatcher.AsAIFunctions() };
        Assert.IsType<ToolGenAIFunction>(options.Tools[0]); // not wrapped: the approver is the gate

        ChatResponse response = await client.GetResponseAsync("Refund both", options).Guarded();

        Assert.Equal("One refunded.", response.Text);
        FunctionResultContent[] results = ToolResults(model.Requests[1]);
        Assert.Equal("""{"success":true,"result":"refunded 30 on A-1"}""", Raw(results[0]));
        Assert.Equal(
            """{"success":false,"error":"The call to 'refund' was denied, so it did not run: over the limit","error_type":"denied","category":"permanent"}""",
            Raw(results[1]));
        Assert.Equal(1, refunds.Refunds);
    }

    [Fact]
    public async Task Arguments_the_chat_client_could_not_parse_are_an_invalid_arguments_result()
    {
        var broken = new FunctionCallContent("1", "get_weather", arguments: null) { Exception = new JsonException("'}' is invalid.") };
        var model = new ScriptedChatClient(ScriptedChatClient.Calls(broken), ScriptedChatClient.Text("ok"));
        var dispatcher = new ToolDispatcher(new WeatherTools());
        using IChatClient client = model.AsBuilder().UseToolGen(dispatcher).Build();

        await client.GetResponseAsync("Weather?", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded();

        Assert.Equal(
            """{"success":false,"error":"Arguments are not valid JSON: '}' is invalid.","error_type":"invalid_arguments","category":"permanent"}""",
            Raw(Assert.Single(ToolResults(model.Requests[1]))));
    }

    internal static FunctionResultContent[] ToolResults(List<ChatMessage> request) =>
        [.. request[^1].Contents.OfType<FunctionResultContent>()];

    internal static Dictionary<string, object?> Json(string json) => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    internal static string Raw(FunctionResultContent result) => Assert.IsType<JsonElement>(result.Result).GetRawText();
}
