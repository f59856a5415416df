using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class RetryTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcherOptions Options(int maxAttempts = 3, double baseSeconds = 1, double maxSeconds = 30) => new()
    {
        TimeProvider = _clock,
        IncludeExceptionMessages = true,
        UseJitter = false,
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromSeconds(baseSeconds),
        MaxDelay = TimeSpan.FromSeconds(maxSeconds),
    };

    /// <summary>Dispatches, then advances the clock through every backoff delay the dispatcher arms.</summary>
    private async Task<ToolResult> RunThroughDelaysAsync(ToolDispatcher dispatcher, ToolCall call, int expectedDelays)
    {
        int armedBefore = _clock.Armed.Count;
        Task<ToolResult> pending = dispatcher.DispatchAsync(call).AsTask();
        for (int i = armedBefore; i < armedBefore + expectedDelays; i++)
        {
            await _clock.AdvanceToNextArmedAsync(i);
        }

        return await pending.Guarded();
    }

    [Fact]
    public async Task Transient_failures_use_all_attempts_with_exact_exponential_delays()
    {
        var set = new FakeToolSet().Throws("flaky", () => new HttpRequestException("Service unavailable", null, HttpStatusCode.ServiceUnavailable));

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(), set), Call("flaky"), 2);

        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, set.Invocations("flaky"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _clock.Armed);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Elapsed);
        Assert.Equal(
            "{\"success\":false,\"error\":\"Service unavailable\",\"error_type\":\"execution_error\",\"category\":\"transient\"}",
            result.Content);
    }

    [Fact]
    public async Task Backoff_doubles_from_the_base_delay_and_is_capped_by_max_delay()
    {
        var set = new FakeToolSet().Throws("flaky", () => new TimeoutException("upstream timed out"));

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(maxAttempts: 6, baseSeconds: 0.5, maxSeconds: 3), set), Call("flaky"), 5);

        Assert.Equal(6, result.Attempts);
        Assert.Equal(
            new[] { 0.5, 1, 2, 3, 3 }.Select(TimeSpan.FromSeconds),
            _clock.Armed);
    }

    [Fact]
    public async Task A_transient_failure_that_recovers_returns_the_success_and_the_attempt_count()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("flaky", (call, _) => ++calls < 3
            ? throw new IOException("connection reset")
            : new ValueTask<ToolResult>(ToolResult.Success(call, "\"ok\"")));

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(), set), Call("flaky"), 2);

        Assert.True(result.IsSuccess);
        Assert.Equal("{\"success\":true,\"result\":\"ok\"}", result.Content);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Permanent_failures_fail_fast_after_one_attempt()
    {
        var set = new FakeToolSet().Throws("lookup", () => new KeyNotFoundException("No city named Atlantis."));

        ToolResult result = await new ToolDispatcher(Options(maxAttempts: 5), set).DispatchAsync(Call("lookup")).Guarded();

        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, set.Invocations("lookup"));
        Assert.Empty(_clock.Armed);
    }

    [Fact]
    public async Task Unknown_failures_are_retried_once()
    {
        var set = new FakeToolSet().Throws("odd", () => new InvalidOperationException("something odd happened"), maxAttempts: 5);

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(), set), Call("odd"), 1);

        Assert.Equal(ToolErrorCategory.Unknown, result.Category);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, set.Invocations("odd"));
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Armed);
    }

    [Fact]
    public async Task Unknown_failures_get_a_single_attempt_when_max_attempts_is_one()
    {
        var set = new FakeToolSet().Throws("odd", () => new InvalidOperationException("odd"), maxAttempts: 1);

        ToolResult result = await new ToolDispatcher(Options(), set).DispatchAsync(Call("odd")).Guarded();

        Assert.Equal(1, result.Attempts);
        Assert.Empty(_clock.Armed);
    }

    [Fact]
    public async Task Per_tool_max_attempts_overrides_the_default()
    {
        var set = new FakeToolSet()
            .Throws("twice", () => new TimeoutException(), maxAttempts: 2)
            .Throws("default", () => new TimeoutException());
        var dispatcher = new ToolDispatcher(Options(maxAttempts: 4), set);

        ToolResult twice = await RunThroughDelaysAsync(dispatcher, Call("twice"), 1);
        ToolResult byDefault = await RunThroughDelaysAsync(dispatcher, Call("default"), 3);

        Assert.Equal(2, twice.Attempts);
        Assert.Equal(4, byDefault.Attempts);
    }

    [Fact]
    public async Task Retry_after_from_a_tool_exception_replaces_the_backoff_delay()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("rate_limited", (call, _) => ++calls == 1
            ? throw new ToolException("Rate limited, try again in 7 s.", ToolErrorCategory.Transient, TimeSpan.FromSeconds(7))
            : new ValueTask<ToolResult>(ToolResult.Success(call, "true")));

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(), set), Call("rate_limited"), 1);

        Assert.True(result.IsSuccess);
        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Armed);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Elapsed);
    }

    [Fact]
    public async Task Retry_after_longer_than_max_delay_is_capped()
    {
        var set = new FakeToolSet().Throws(
            "rate_limited",
            () => new ToolException("Slow down.", ToolErrorCategory.Transient, TimeSpan.FromMinutes(10)),
            maxAttempts: 2);

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(maxSeconds: 20), set), Call("rate_limited"), 1);

        Assert.Equal(2, result.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(20)], _clock.Armed);
        Assert.Equal("Slow down.", result.ErrorMessage);
    }

    [Fact]
    public async Task Jittered_delays_stay_positive_and_within_max_delay()
    {
        var options = Options(maxAttempts: 4, maxSeconds: 5);
        options.UseJitter = true;
        var set = new FakeToolSet().Throws("flaky", () => new TimeoutException());

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(options, set), Call("flaky"), 3);

        Assert.Equal(4, result.Attempts);
        Assert.Equal(3, _clock.Armed.Count);
        Assert.All(_clock.Armed, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Caller_cancellation_during_a_backoff_delay_ends_the_call_as_canceled()
    {
        var set = new FakeToolSet().Throws("flaky", () => new TimeoutException());
        using var cts = new CancellationTokenSource();

        Task<ToolResult> pending = new ToolDispatcher(Options(), set).DispatchAsync(Call("flaky"), cts.Token).AsTask();
        await _clock.WaitForArmedAsync(1);
        cts.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, set.Invocations("flaky"));
    }

    [Fact]
    public async Task Async_failures_are_retried_like_synchronous_ones()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("flaky", async (call, _) =>
        {
            await Task.Yield();
            return ++calls < 2 ? throw new TimeoutException() : ToolResult.Success(call, "1");
        }, timeoutMilliseconds: -1); // no timeout timer, so the only armed timer is the backoff delay

        ToolResult result = await RunThroughDelaysAsync(new ToolDispatcher(Options(), set), Call("flaky"), 1);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
    }
}
