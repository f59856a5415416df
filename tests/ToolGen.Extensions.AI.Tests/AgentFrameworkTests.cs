using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ToolGen;
using ToolGen.Extensions.AI;
using Xunit;
using static ToolGen.Extensions.AI.Tests.UseToolGenTests;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>Microsoft Agent Framework's ChatClientAgent over a UseToolGen pipeline and a scripted model.</summary>
public sealed class AgentFrameworkTests
{
    [Fact]
    public async Task One_agent_run_with_parallel_calls_an_unknown_name_and_an_approval_round_trip()
    {
        var refunds = new RefundTools();
        var dispatcher = new ToolDispatcher(new RendezvousTools(expected: 2), refunds);
        var model = new ScriptedChatClient(
            // Two calls that only finish together, and a name the model invented.
            ScriptedChatClient.Calls(
                new FunctionCallContent("m1", "meet", Json("""{"name":"Ada"}""")),
                new FunctionCallContent("m2", "meet", Json("""{"name":"Bo"}""")),
                new FunctionCallContent("x", "lookup_ordr", Json("""{"order":"A-1"}"""))),
            // Then a refund, which needs the user's approval.
            ScriptedChatClient.Calls(new FunctionCallContent("r", "refund", Json("""{"order":"A-1","amount":30}"""))),
            ScriptedChatClient.Text("Refunded A-1."));
        IChatClient pipeline = model.AsBuilder().UseToolGen(dispatcher).Build();
        AIAgent agent = new ChatClientAgent(pipeline, instructions: "You help with orders.", name: "orders", tools: dispatcher.AsAIFunctions());
        AgentSession session = await agent.CreateSessionAsync();

        // The agent uses the pipeline's ToolGenFunctionInvokingChatClient instead of adding its own.
        Assert.IsType<ToolGenFunctionInvokingChatClient>(agent.GetService<FunctionInvokingChatClient>());

        AgentResponse first = await agent.RunAsync("Meet, then refund A-1", session).Guarded();
        FunctionResultContent[] batch = ToolResults(model.Requests[1]);
        Assert.Equal(["m1", "m2", "x"], batch.Select(r => r.CallId));
        Assert.Equal("""{"success":true,"result":"Ada met everyone"}""", Raw(batch[0]));
        Assert.Equal("""{"success":true,"result":"Bo met everyone"}""", Raw(batch[1]));
        Assert.Contains("Did you mean 'lookup_order'?", Raw(batch[2]));
        ToolApprovalRequestContent request = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.Equal(0, refunds.Refunds);

        AgentResponse second = await agent.RunAsync(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]), session).Guarded();

        Assert.Equal("Refunded A-1.", second.Text);
        Assert.Equal(1, refunds.Refunds);
        FunctionResultContent refund = Assert.Single(model.Requests[^1].SelectMany(m => m.Contents).OfType<FunctionResultContent>(), r => r.CallId == "r");
        Assert.Equal("""{"success":true,"result":"refunded 30 on A-1"}""", Raw(refund));
    }

    [Fact]
    public async Task A_service_injected_tool_gets_the_services_the_pipeline_was_built_with()
    {
        using ServiceProvider services = new ServiceCollection().AddSingleton(new Greeter { Prefix = "Bonjour" }).BuildServiceProvider();
        var dispatcher = new ToolDispatcher(GreetingTools.ToolSet);
        var model = new ScriptedChatClient(
            ScriptedChatClient.Calls(new FunctionCallContent("g", "greet", Json("""{"name":"Ada"}"""))),
            ScriptedChatClient.Text("Greeted."));
        IChatClient pipeline = model.AsBuilder().UseToolGen(dispatcher).Build(services);
        AIAgent agent = new ChatClientAgent(pipeline, instructions: "Greet people.", tools: dispatcher.AsAIFunctions());

        AgentResponse response = await agent.RunAsync("Greet Ada").Guarded();

        Assert.Equal("Greeted.", response.Text);
        Assert.Equal("""{"success":true,"result":"Bonjour Ada"}""", Raw(Assert.Single(ToolResults(model.Requests[1]))));
        Assert.DoesNotContain("greeter", GreetingTools.ToolDefinitions[0].InputSchema);
    }
}
