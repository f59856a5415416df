using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class TimeoutAndCancellationTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcher Dispatcher(FakeToolSet set, int maxAttempts = 1) => new(
        new ToolDispatcherOptions { TimeProvider = _clock, UseJitter = false, MaxAttempts = maxAttempts },
        set);

    [Fact]
    public async Task A_cooperative_tool_sees_its_token_fire_at_the_default_timeout()
    {
        // The tool's catch runs as a continuation, possibly after the dispatcher has already answered: wait for it.
        var sawCancellation = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("slow", async (call, token) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                sawCancellation.TrySetResult(true);
                throw;
            }

            return ToolResult.Success(call, "1");
        });

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("slow")).AsTask();
        await _clock.WaitForArmedAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(30), _clock.Armed[0]);
        _clock.Advance(TimeSpan.FromSeconds(30));
        ToolResult result = await pending.Guarded();

        Assert.True(await sawCancellation.Task.Guarded());
        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal(TimeSpan.FromSeconds(30), result.Elapsed);
        Assert.Equal(
            "{\"success\":false,\"error\":\"The tool 'slow' did not finish within 30 s.\",\"error_type\":\"timeout\",\"category\":\"transient\"}",
            result.Content);
    }

    [Fact]
    public async Task A_tool_that_ignores_its_token_is_abandoned_at_its_own_timeout()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("hang", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 1500);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("hang")).AsTask();
        await _clock.WaitForArmedAsync(1);
        _clock.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal("The tool 'hang' did not finish within 1500 ms.", result.ErrorMessage);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), result.Elapsed);
        Assert.False(never.Task.IsCompleted); // the work is abandoned, not stopped

        // The abandoned work failing later must not disturb anything.
        never.SetException(new InvalidOperationException("late"));
    }

    [Fact]
    public async Task A_timeout_is_transient_so_it_is_retried_with_backoff()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("sometimes_slow", (call, token) => ++calls == 1
            ? new ValueTask<ToolResult>(Task.Delay(Timeout.InfiniteTimeSpan, token).ContinueWith(_ => ToolResult.Success(call, "0"), TaskScheduler.Default))
            : new ValueTask<ToolResult>(ToolResult.Success(call, "2")), timeoutMilliseconds: 2000);

        Task<ToolResult> pending = Dispatcher(set, maxAttempts: 3).DispatchAsync(Call("sometimes_slow")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0); // the 2 s timeout of attempt 1
        await _clock.AdvanceToNextArmedAsync(1); // the 1 s backoff delay
        ToolResult result = await pending.Guarded();

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)], _clock.Armed);
        Assert.True(result.IsSuccess);
        Assert.Equal("{\"success\":true,\"result\":2}", result.Content);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Elapsed);
    }

    [Fact]
    public async Task Minus_one_means_no_timeout()
    {
        var gate = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("patient", (_, _) => new ValueTask<ToolResult>(gate.Task), timeoutMilliseconds: -1);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("patient")).AsTask();
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.False(pending.IsCompleted);
        gate.SetResult(ToolResult.Success(Call("patient"), "\"done\""));
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Assert.Empty(_clock.Armed);
    }

    [Fact]
    public async Task The_deadline_counts_the_synchronous_part_of_an_async_tool()
    {
        var never = new TaskCompletionSource<ToolResult>();
        var set = new FakeToolSet().Add("busy_then_async", (_, _) =>
        {
            _clock.Advance(TimeSpan.FromSeconds(0.75)); // blocking work before the first await
            return new ValueTask<ToolResult>(never.Task);
        }, timeoutMilliseconds: 1000);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("busy_then_async")).AsTask();
        await _clock.WaitForArmedAsync(1);

        Assert.Equal(TimeSpan.FromSeconds(0.25), _clock.Armed[0]);
        _clock.Advance(TimeSpan.FromSeconds(0.25));
        Assert.Equal(ToolErrorKind.Timeout, (await pending.Guarded()).ErrorKind);
    }

    [Fact]
    public async Task An_async_tool_whose_synchronous_part_overran_is_timed_out_at_once()
    {
        bool tokenFired = false;
        var never = new TaskCompletionSource<ToolResult>();
        var set = new FakeToolSet().Add("overrun", (_, token) =>
        {
            token.Register(() => tokenFired = true);
            _clock.Advance(TimeSpan.FromSeconds(5));
            return new ValueTask<ToolResult>(never.Task);
        }, timeoutMilliseconds: 1000);

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("overrun")).Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.True(tokenFired);
    }

    [Fact]
    public async Task A_synchronous_tool_cannot_be_interrupted_so_its_late_result_is_kept()
    {
        var set = new FakeToolSet().Add("blocking", (call, _) =>
        {
            _clock.Advance(TimeSpan.FromSeconds(5)); // blocks past its 1 s timeout, then returns
            return new ValueTask<ToolResult>(ToolResult.Success(call, "42"));
        }, timeoutMilliseconds: 1000);

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("blocking")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Elapsed);
    }

    [Fact]
    public async Task Caller_cancellation_of_a_running_tool_is_canceled_and_never_retried()
    {
        bool sawCancellation = false;
        var set = new FakeToolSet().Add("slow", async (call, token) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }

            return ToolResult.Success(call, "1");
        });
        using var cts = new CancellationTokenSource();

        Task<ToolResult> pending = Dispatcher(set, maxAttempts: 5).DispatchAsync(Call("slow"), cts.Token).AsTask();
        await _clock.WaitForArmedAsync(1);
        cts.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.True(sawCancellation);
        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, set.Invocations("slow"));
        Assert.Equal(
            "{\"success\":false,\"error\":\"The call was canceled before the tool finished.\",\"error_type\":\"canceled\",\"category\":\"transient\"}",
            result.Content);
    }

    [Fact]
    public async Task Caller_cancellation_abandons_a_tool_that_ignores_its_token()
    {
        var never = new TaskCompletionSource<ToolResult>();
        var set = new FakeToolSet().Add("deaf", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: -1);
        using var cts = new CancellationTokenSource();

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("deaf"), cts.Token).AsTask();
        cts.Cancel();

        Assert.Equal(ToolErrorKind.Canceled, (await pending.Guarded()).ErrorKind);
    }

    [Fact]
    public async Task An_already_canceled_call_does_not_run_the_tool()
    {
        var set = new FakeToolSet().Returns("fast", "1");

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("fast"), new CancellationToken(true)).Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
        Assert.Equal(0, result.Attempts);
        Assert.Equal(0, set.Invocations("fast"));
    }

    [Fact]
    public async Task An_operation_canceled_exception_of_the_tool_itself_is_an_execution_error()
    {
        var set = new FakeToolSet().Throws("inner_cancel", () => new OperationCanceledException("gave up waiting for the lock"));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("inner_cancel")).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Unknown, result.Category);
    }
}
