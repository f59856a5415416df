using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen.Extensions.AI;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Telemetry.Tests;

/// <summary>
/// Microsoft.Extensions.AI's function invocation starts its own <c>execute_tool</c> span around each function when an
/// OpenTelemetry chat client sits inside it: ToolGen adds its attributes to that span instead of nesting a second one.
/// </summary>
public sealed class EnrichmentTests
{
    private const string MeaiSource = "ToolGen.Telemetry.Tests.MEAI";

    [Fact]
    public async Task Through_FunctionInvokingChatClient_the_outer_execute_tool_span_is_enriched_not_duplicated()
    {
        using var capture = new SpanCapture(MeaiSource);
        var dispatcher = new ToolDispatcher(new TelemetryTools());
        IChatClient client = new ChatClientBuilder(new ScriptedChatClient())
            .UseFunctionInvocation()
            .UseOpenTelemetry(sourceName: MeaiSource)
            .Build();

        ChatResponse response = await client.GetResponseAsync(
            "Weather in Paris?", new ChatOptions { Tools = dispatcher.AsAIFunctions() }).Guarded();

        Assert.Equal("done", response.Text);
        Activity[] toolSpans = [.. capture.Spans.Where(s => s.OperationName.StartsWith("execute_tool", StringComparison.Ordinal))];
        Activity span = Assert.Single(toolSpans);
        Assert.Equal(MeaiSource, span.Source.Name); // Microsoft.Extensions.AI's span, not a ToolGen one
        Assert.Equal("call_meai", span.GetTagItem("gen_ai.tool.call.id"));
        Assert.Equal(1, span.GetTagItem("toolgen.attempts"));
        Assert.Equal(false, span.GetTagItem("toolgen.timed_out"));
        Assert.Equal("function", span.GetTagItem("gen_ai.tool.type"));
        Assert.DoesNotContain(capture.Spans, s => s.Source.Name == ToolGenTelemetry.SourceName);
    }

    [Fact]
    public async Task An_outer_execute_tool_span_of_another_call_id_gets_a_child_span()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(new TelemetryTools());
        using (Activity outer = SpanCapture.TestSource.StartActivity("execute_tool get_weather")!)
        {
            outer.SetTag("gen_ai.operation.name", "execute_tool");
            outer.SetTag("gen_ai.tool.call.id", "other_call");
            await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Paris"}""", id: "call_1")).Guarded();
        }

        Activity toolgen = Assert.Single(capture.Spans, s => s.Source.Name == ToolGenTelemetry.SourceName);
        Activity outerSpan = Assert.Single(capture.Spans, s => s.Source == SpanCapture.TestSource);
        Assert.Equal(outerSpan.SpanId, toolgen.ParentSpanId);
        Assert.Null(outerSpan.GetTagItem("toolgen.attempts"));
    }

    [Fact]
    public async Task An_outer_execute_tool_span_with_the_same_call_id_is_enriched_with_failures_too()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(new TelemetryTools());
        using (Activity outer = SpanCapture.TestSource.StartActivity("execute_tool convert")!)
        {
            outer.SetTag("gen_ai.operation.name", "execute_tool");
            outer.SetTag("gen_ai.tool.call.id", "call_9");
            outer.SetTag("gen_ai.tool.description", "the creator's own description");
            await dispatcher.DispatchAsync(Call("convert", "{}", id: "call_9")).Guarded();
            Assert.Same(outer, Activity.Current); // an enriched span is the creator's to stop
            Assert.False(outer.IsStopped);
        }

        Activity span = Assert.Single(capture.Spans);
        Assert.Equal("missing_argument", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("the creator's own description", span.GetTagItem("gen_ai.tool.description"));
    }

    /// <summary>Asks for one tool call, then answers with text.</summary>
    private sealed class ScriptedChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            bool answered = messages.Any(m => m.Contents.OfType<FunctionResultContent>().Any());
            ChatMessage reply = answered
                ? new ChatMessage(ChatRole.Assistant, "done")
                : new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_meai", "get_weather", new Dictionary<string, object?> { ["city"] = JsonSerializer.SerializeToElement("Paris") })]);
            return Task.FromResult(new ChatResponse(reply));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (ChatResponseUpdate update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
