using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class ApprovalTests
{
    private readonly TestClock _clock = new();

    private static ToolDefinition Gated(string name) => new(
        name,
        $"Runs {name}.",
        "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}},\"required\":[\"amount\"]}",
        string.Empty)
    { RequiresApproval = true };

    private static FakeToolSet Refunds() => new FakeToolSet()
        .Add(Gated("refund"), (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, "\"refunded\"")))
        .Returns("lookup", "\"found\"");

    private ToolDispatcher Dispatcher(FakeToolSet set, Func<ToolApprovalRequest, CancellationToken, ValueTask<ToolApproval>>? approver, TimeSpan? approvalTimeout = null) => new(
        new ToolDispatcherOptions
        {
            TimeProvider = _clock,
            MaxAttempts = 1, // a timeout is not retried here: the tests look at one attempt's timer
            Approver = approver,
            ApprovalTimeout = approvalTimeout ?? TimeSpan.FromMinutes(5),
        },
        set);

    // The example: refunds under 100 are approved automatically, the rest are denied with a reason.
    private static ValueTask<ToolApproval> UnderHundred(ToolApprovalRequest request, CancellationToken _) =>
        new(request.Arguments.GetProperty("amount").GetDecimal() < 100
            ? ToolApproval.Approve()
            : ToolApproval.Deny("refunds of 100 or more need a manager"));

    [Fact]
    public async Task An_approved_call_runs_and_the_decision_can_depend_on_the_arguments()
    {
        FakeToolSet set = Refunds();
        ToolDispatcher dispatcher = Dispatcher(set, UnderHundred);

        ToolResult small = await dispatcher.DispatchAsync(Call("refund", """{"amount":40}""")).Guarded();
        ToolResult large = await dispatcher.DispatchAsync(Call("refund", """{"amount":250}""", id: "call_2")).Guarded();

        Assert.True(small.IsSuccess);
        Assert.Equal("\"refunded\"", small.ResultJson);
        Assert.Equal(ToolErrorKind.Denied, large.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, large.Category);
        Assert.Equal(0, large.Attempts);
        Assert.Equal(
            "{\"success\":false,\"error\":\"The call to 'refund' was denied, so it did not run: refunds of 100 or more need a manager\",\"error_type\":\"denied\",\"category\":\"permanent\"}",
            large.Content);
        Assert.Equal(1, set.Invocations("refund")); // the denied call never reached the tool
    }

    [Fact]
    public async Task The_approver_gets_the_call_its_definition_and_the_parsed_arguments()
    {
        ToolApprovalRequest? seen = null;
        string? amount = null;
        ToolDispatcher dispatcher = Dispatcher(Refunds(), (request, _) =>
        {
            seen = request;
            amount = request.Arguments.GetProperty("amount").GetRawText(); // readable while the approver runs
            return new ValueTask<ToolApproval>(ToolApproval.Approve());
        });

        await dispatcher.DispatchAsync(Call("refund", """{"amount":12.5}""", id: "call_9")).Guarded();

        Assert.NotNull(seen);
        Assert.Equal("call_9", seen!.Call.Id);
        Assert.Equal("refund", seen.Tool.Name);
        Assert.True(seen.Tool.RequiresApproval);
        Assert.Equal("12.5", amount);
    }

    [Fact]
    public async Task Tools_without_RequiresApproval_never_ask_the_approver()
    {
        int asked = 0;
        ToolDispatcher dispatcher = Dispatcher(Refunds(), (_, _) =>
        {
            Interlocked.Increment(ref asked);
            return new ValueTask<ToolApproval>(ToolApproval.Deny());
        });

        ToolResult result = await dispatcher.DispatchAsync(Call("lookup")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task Without_an_approver_a_call_that_needs_approval_is_denied()
    {
        FakeToolSet set = Refunds();
        ToolResult result = await Dispatcher(set, approver: null).DispatchAsync(Call("refund", """{"amount":1}""")).Guarded();

        Assert.Equal(ToolErrorKind.Denied, result.ErrorKind);
        Assert.Equal("The tool 'refund' requires approval and no approver is configured.", result.ErrorMessage);
        Assert.Equal(0, set.Invocations("refund"));
    }

    [Fact]
    public async Task A_denial_without_reason_still_tells_the_model_the_call_did_not_run()
    {
        ToolResult result = await Dispatcher(Refunds(), (_, _) => new ValueTask<ToolApproval>(ToolApproval.Deny()))
            .DispatchAsync(Call("refund", """{"amount":1}""")).Guarded();

        Assert.Equal("The call to 'refund' was denied, so it did not run.", result.ErrorMessage);
        Assert.Equal("denied", result.ErrorType);
    }

    [Fact]
    public async Task An_approver_that_throws_denies_without_leaking_its_message()
    {
        FakeToolSet set = Refunds();
        ToolDispatcher sync = Dispatcher(set, (_, _) => throw new InvalidOperationException("db password=hunter2"));
        ToolDispatcher async = Dispatcher(set, async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("db password=hunter2");
        });

        foreach (ToolDispatcher dispatcher in new[] { sync, async })
        {
            ToolResult result = await dispatcher.DispatchAsync(Call("refund", """{"amount":1}""")).Guarded();
            Assert.Equal(ToolErrorKind.Denied, result.ErrorKind);
            Assert.Equal("The approval check for 'refund' failed, so the call did not run.", result.ErrorMessage);
        }

        Assert.Equal(0, set.Invocations("refund"));
    }

    [Fact]
    public async Task An_approver_that_does_not_answer_in_time_denies_at_the_approval_timeout()
    {
        FakeToolSet set = Refunds();
        var never = new TaskCompletionSource<ToolApproval>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken approverToken = default;
        ToolDispatcher dispatcher = Dispatcher(set, (_, token) =>
        {
            approverToken = token;
            return new ValueTask<ToolApproval>(never.Task); // ignores its token: abandoned at the timeout
        }, approvalTimeout: TimeSpan.FromSeconds(45));

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("refund", """{"amount":1}""")).AsTask();
        await _clock.WaitForArmedAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(45), _clock.Armed[0]);
        _clock.Advance(TimeSpan.FromSeconds(44));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Denied, result.ErrorKind);
        Assert.Equal("The call to 'refund' was not approved in time, so it did not run.", result.ErrorMessage);
        Assert.True(approverToken.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromSeconds(45), result.Elapsed);
        never.SetResult(ToolApproval.Approve()); // a late approval changes nothing
        Assert.Equal(0, set.Invocations("refund"));
    }

    [Fact]
    public async Task The_tool_timeout_starts_after_approval()
    {
        var set = new FakeToolSet().Add(
            new ToolDefinition("slow_refund", "Refunds.", "{\"type\":\"object\"}", string.Empty, timeoutMilliseconds: 1000) { RequiresApproval = true },
            async (call, token) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return ToolResult.Success(call, "1");
            });
        var answer = new TaskCompletionSource<ToolApproval>(TaskCreationOptions.RunContinuationsAsynchronously);
        ToolDispatcher dispatcher = Dispatcher(set, (_, _) => new ValueTask<ToolApproval>(answer.Task));

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("slow_refund", "{}")).AsTask();
        await _clock.WaitForArmedAsync(1);          // the approval timeout
        _clock.Advance(TimeSpan.FromSeconds(10));   // a person takes 10 s to say yes
        answer.SetResult(ToolApproval.Approve());
        await _clock.WaitForArmedAsync(2);          // the tool's own 1 s timeout, armed after approval
        Assert.Equal(TimeSpan.FromSeconds(1), _clock.Armed[1]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(TimeSpan.FromSeconds(11), result.Elapsed);
    }

    [Fact]
    public async Task Caller_cancellation_during_approval_is_a_canceled_result()
    {
        using var cts = new CancellationTokenSource();
        ToolDispatcher dispatcher = Dispatcher(Refunds(), async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return ToolApproval.Approve();
        });

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("refund", """{"amount":1}"""), cts.Token).AsTask();
        await _clock.WaitForArmedAsync(1);
        cts.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
    }

    [Theory]
    [InlineData("{\"amount\":", "Arguments are not valid JSON: ")]
    [InlineData("[1,2]", "Arguments must be a JSON object with the tool's parameters as properties.")]
    public async Task Malformed_arguments_are_rejected_before_the_approver_is_asked(string arguments, string messageStart)
    {
        int asked = 0;
        ToolDispatcher dispatcher = Dispatcher(Refunds(), (_, _) =>
        {
            asked++;
            return new ValueTask<ToolApproval>(ToolApproval.Approve());
        });

        ToolResult result = await dispatcher.DispatchAsync(Call("refund", arguments)).Guarded();

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.StartsWith(messageStart, result.ErrorMessage);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task Empty_arguments_reach_the_approver_as_an_empty_object()
    {
        JsonValueKind kind = JsonValueKind.Undefined;
        ToolDispatcher dispatcher = Dispatcher(Refunds(), (request, _) =>
        {
            kind = request.Arguments.ValueKind;
            return new ValueTask<ToolApproval>(ToolApproval.Deny());
        });

        await dispatcher.DispatchAsync(Call("refund", "")).Guarded();

        Assert.Equal(JsonValueKind.Object, kind);
    }

    [Fact]
    public async Task A_pre_approved_call_runs_without_asking_again()
    {
        FakeToolSet set = Refunds();
        ToolDispatcher dispatcher = Dispatcher(set, approver: null);

        ToolResult result = await dispatcher.DispatchAsync(new ToolCall("c", "refund", """{"amount":500}""") { IsPreApproved = true }).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(1, set.Invocations("refund"));
    }

    [Fact]
    public async Task In_a_batch_each_call_is_approved_on_its_own()
    {
        FakeToolSet set = Refunds();
        ToolDispatcher dispatcher = Dispatcher(set, UnderHundred);
        ToolCall[] calls =
        [
            Call("refund", """{"amount":10}""", "a"),
            Call("refund", """{"amount":900}""", "b"),
            Call("lookup", id: "c"),
        ];

        IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync(calls).Guarded();

        Assert.Equal([ToolErrorKind.None, ToolErrorKind.Denied, ToolErrorKind.None], [results[0].ErrorKind, results[1].ErrorKind, results[2].ErrorKind]);
        Assert.Equal(["a", "b", "c"], [results[0].CallId, results[1].CallId, results[2].CallId]);
        Assert.Equal(1, set.Invocations("refund"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_approval_timeout_is_rejected(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(
            new ToolDispatcherOptions { ApprovalTimeout = TimeSpan.FromSeconds(seconds) }, Refunds()));

    [Fact]
    public void An_approval_timeout_longer_than_a_timer_can_wait_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(
            new ToolDispatcherOptions { ApprovalTimeout = TimeSpan.MaxValue }, Refunds()));
}
