using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Telemetry.Tests;

public sealed class SpanTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcherOptions Options(bool sensitive = false) => new()
    {
        TimeProvider = _clock,
        UseJitter = false,
        EnableSensitiveData = sensitive,
    };

    private static object? Tag(Activity span, string name) => span.GetTagItem(name);

    [Fact]
    public async Task A_successful_call_is_one_execute_tool_span_with_the_semantic_convention_attributes()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(Options(), new TelemetryTools());

        ToolResult result = await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Paris"}""", id: "call_ok")).Guarded();

        Assert.True(result.IsSuccess);
        Activity span = Assert.Single(capture.Spans);
        Assert.Equal("execute_tool get_weather", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ToolGenTelemetry.SourceName, span.Source.Name);
        Assert.Equal(ToolGenTelemetry.Version, span.Source.Version);
        Assert.Equal(capture.Root.SpanId, span.ParentSpanId);
        Assert.Equal("execute_tool", Tag(span, "gen_ai.operation.name"));
        Assert.Equal("get_weather", Tag(span, "gen_ai.tool.name"));
        Assert.Equal("call_ok", Tag(span, "gen_ai.tool.call.id"));
        Assert.Equal("function", Tag(span, "gen_ai.tool.type"));
        Assert.Equal("Gets the current weather for a city.", Tag(span, "gen_ai.tool.description"));
        Assert.Equal(1, Tag(span, "toolgen.attempts"));
        Assert.Equal(false, Tag(span, "toolgen.timed_out"));
        Assert.Null(Tag(span, "error.type"));
        Assert.Null(Tag(span, "toolgen.category"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
        Assert.Same(capture.Root, Activity.Current); // the caller's current span is its own again
    }

    [Fact]
    public async Task Invalid_arguments_set_error_type_category_and_error_status()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(Options(), new TelemetryTools());

        ToolResult result = await dispatcher.DispatchAsync(Call("convert", """{"amount":"ten","currency":"EUR"}""")).Guarded();

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Activity span = capture.Single("execute_tool convert");
        Assert.Equal("invalid_arguments", Tag(span, "error.type"));
        Assert.Equal("permanent", Tag(span, "toolgen.category"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(result.ErrorMessage, span.StatusDescription);
        Assert.Equal(1, Tag(span, "toolgen.attempts"));
    }

    [Fact]
    public async Task An_unknown_tool_is_a_span_with_function_not_found()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(Options(), new TelemetryTools());

        await dispatcher.DispatchAsync(Call("get_wether")).Guarded();

        Activity span = capture.Single("execute_tool get_wether");
        Assert.Equal("function_not_found", Tag(span, "error.type"));
        Assert.Null(Tag(span, "gen_ai.tool.description"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_timeout_marks_the_span_timed_out_and_the_tool_sees_the_span_as_current()
    {
        using var capture = new SpanCapture();
        Activity? seenByTool = null;
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("hang", (_, _) =>
        {
            seenByTool = Activity.Current;
            return new ValueTask<ToolResult>(never.Task);
        }, timeoutMilliseconds: 2000, maxAttempts: 1);
        var dispatcher = new ToolDispatcher(Options(), set);

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("hang")).AsTask();
        await _clock.WaitForArmedAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Activity span = capture.Single("execute_tool hang");
        Assert.Same(span, seenByTool);
        Assert.Equal("timeout", Tag(span, "error.type"));
        Assert.Equal("transient", Tag(span, "toolgen.category"));
        Assert.Equal(true, Tag(span, "toolgen.timed_out"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Same(capture.Root, Activity.Current);
    }

    [Fact]
    public async Task Each_retry_is_an_event_with_the_failed_attempt_its_error_and_the_backoff_delay()
    {
        using var capture = new SpanCapture();
        int calls = 0;
        var set = new FakeToolSet().Add("flaky", (call, _) => ++calls < 3
            ? throw new IOException("connection reset")
            : new ValueTask<ToolResult>(ToolResult.Success(call, "\"ok\"")), maxAttempts: 3);
        var dispatcher = new ToolDispatcher(Options(), set);

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("flaky")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0);
        await _clock.AdvanceToNextArmedAsync(1);
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Activity span = capture.Single("execute_tool flaky");
        Assert.Equal(3, Tag(span, "toolgen.attempts"));
        Assert.Null(Tag(span, "error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        ActivityEvent[] events = [.. span.Events];
        Assert.Equal(["toolgen.retry", "toolgen.retry"], events.Select(e => e.Name));
        Assert.Equal([1, 2], events.Select(e => (int)e.Tags.Single(t => t.Key == "toolgen.attempt").Value!));
        Assert.Equal([1.0, 2.0], events.Select(e => (double)e.Tags.Single(t => t.Key == "toolgen.retry.delay").Value!));
        Assert.All(events, e => Assert.Equal("execution_error", e.Tags.Single(t => t.Key == "error.type").Value));
        Assert.All(events, e => Assert.Equal("transient", e.Tags.Single(t => t.Key == "toolgen.category").Value));
    }

    [Fact]
    public async Task A_timed_out_attempt_that_is_retried_leaves_timed_out_true_on_a_successful_call()
    {
        using var capture = new SpanCapture();
        int calls = 0;
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("slow_once", (call, _) => ++calls == 1
            ? new ValueTask<ToolResult>(never.Task)
            : new ValueTask<ToolResult>(ToolResult.Success(call, "1")), timeoutMilliseconds: 500, maxAttempts: 2);
        var dispatcher = new ToolDispatcher(Options(), set);

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("slow_once")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0); // the timeout
        await _clock.AdvanceToNextArmedAsync(1); // the backoff
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Activity span = capture.Single("execute_tool slow_once");
        Assert.Equal(true, Tag(span, "toolgen.timed_out"));
        Assert.Equal("timeout", Assert.Single(span.Events).Tags.Single(t => t.Key == "error.type").Value);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_error_type_canceled()
    {
        using var capture = new SpanCapture();
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("hang", (_, _) => new ValueTask<ToolResult>(never.Task), maxAttempts: 1);
        var dispatcher = new ToolDispatcher(Options(), set);
        using var cts = new CancellationTokenSource();

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("hang"), cts.Token).AsTask();
        await _clock.WaitForArmedAsync(1); // the attempt is running
        cts.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
        Activity span = capture.Single("execute_tool hang");
        Assert.Equal("canceled", Tag(span, "error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_batch_gets_one_span_per_call_each_a_child_of_the_callers_span()
    {
        using var capture = new SpanCapture();
        var gate = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet()
            .Returns("a", "1")
            .Add("b", async (call, _) => { await gate.Task; return ToolResult.Success(call, "2"); })
            .Throws("c", () => new ArgumentException("bad"));
        var dispatcher = new ToolDispatcher(Options(), set);

        Task<IReadOnlyList<ToolResult>> batch = dispatcher.DispatchAllAsync(
            [Call("a", id: "1"), Call("b", id: "2"), Call("c", id: "3"), Call("a", id: "4"), Call("nope", id: "5")]);
        gate.SetResult(null!);
        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.Equal(5, results.Count);
        IReadOnlyList<Activity> spans = capture.Spans;
        Assert.Equal(["1", "2", "3", "4", "5"], spans.Select(s => (string)Tag(s, "gen_ai.tool.call.id")!).Order());
        Assert.All(spans, s => Assert.Equal(capture.Root.SpanId, s.ParentSpanId));
        Assert.Equal(5, spans.Select(s => s.SpanId).Distinct().Count());
        Assert.Equal("execution_error", Tag(spans.Single(s => (string?)Tag(s, "gen_ai.tool.call.id") == "3"), "error.type"));
        Assert.Same(capture.Root, Activity.Current);
    }

    [Fact]
    public async Task Arguments_and_results_are_absent_by_default()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(Options(), new TelemetryTools());

        await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Reykjavik"}""")).Guarded();

        Activity span = Assert.Single(capture.Spans);
        Assert.Null(Tag(span, "gen_ai.tool.call.arguments"));
        Assert.Null(Tag(span, "gen_ai.tool.call.result"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string s && s.Contains("Reykjavik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arguments_and_results_are_recorded_when_sensitive_data_is_enabled()
    {
        using var capture = new SpanCapture();
        var dispatcher = new ToolDispatcher(Options(sensitive: true), new TelemetryTools());

        await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Reykjavik"}""")).Guarded();

        Activity span = Assert.Single(capture.Spans);
        Assert.Equal("""{"city":"Reykjavik"}""", Tag(span, "gen_ai.tool.call.arguments"));
        Assert.Equal("\"sunny in Reykjavik\"", Tag(span, "gen_ai.tool.call.result"));
    }

    [Fact]
    public async Task A_throwing_activity_listener_never_changes_the_result()
    {
        using var capture = new SpanCapture();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ToolGenTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if ((string?)a.GetTagItem("gen_ai.tool.call.id") == "boom") { throw new InvalidOperationException("listener bug"); } },
        };
        ActivitySource.AddActivityListener(listener);
        var dispatcher = new ToolDispatcher(Options(), new TelemetryTools());

        ToolResult result = await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Paris"}""", id: "boom")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Same(capture.Root, Activity.Current);
    }

    [Fact]
    public async Task A_call_that_needs_approval_records_whether_it_was_approved()
    {
        using var capture = new SpanCapture();
        ToolDispatcherOptions options = Options();
        options.Approver = (request, _) => new ValueTask<ToolApproval>(
            request.Arguments.GetProperty("amount").GetDecimal() < 100 ? ToolApproval.Approve() : ToolApproval.Deny("too much"));
        var dispatcher = new ToolDispatcher(options, new TelemetryTools());

        await dispatcher.DispatchAsync(Call("refund", """{"amount":30}""", id: "small")).Guarded();
        await dispatcher.DispatchAsync(Call("refund", """{"amount":900}""", id: "large")).Guarded();
        await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Paris"}""", id: "none")).Guarded();

        Activity Span(string id) => capture.Spans.Single(s => (string?)Tag(s, "gen_ai.tool.call.id") == id);
        Assert.Equal(true, Tag(Span("small"), "toolgen.approved"));
        Assert.Null(Tag(Span("small"), "error.type"));
        Assert.Equal(false, Tag(Span("large"), "toolgen.approved"));
        Assert.Equal("denied", Tag(Span("large"), "error.type"));
        Assert.Equal(0, Tag(Span("large"), "toolgen.attempts"));
        Assert.Null(Tag(Span("none"), "toolgen.approved"));
    }

    [Fact]
    public async Task The_span_and_duration_of_an_approved_call_cover_the_approval_wait()
    {
        using var capture = new SpanCapture();
        var decision = new TaskCompletionSource<ToolApproval>(TaskCreationOptions.RunContinuationsAsynchronously);
        ToolDispatcherOptions options = Options();
        options.Approver = (_, _) => new ValueTask<ToolApproval>(decision.Task);
        var dispatcher = new ToolDispatcher(options, new TelemetryTools());

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("refund", """{"amount":5}""")).AsTask();
        await _clock.WaitForArmedAsync(1); // the approval timeout is armed: the approver is being asked
        _clock.Advance(TimeSpan.FromSeconds(7));
        decision.SetResult(ToolApproval.Approve());
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Elapsed);
        Assert.Equal(true, Tag(capture.Single("execute_tool refund"), "toolgen.approved"));
    }
}
