using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class PipelineTests
{
    private readonly TestClock _clock = new();

    private static ResiliencePipeline RetryOn<TException>(int retries)
        where TException : Exception =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                Delay = TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder().Handle<TException>(),
            })
            .Build();

    [Fact]
    public async Task A_pipeline_for_all_tools_replaces_the_built_in_retry()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("flaky", (call, _) => ++calls < 4
            ? throw new InvalidOperationException("odd") // Unknown: the built-in retry would stop after 2 attempts
            : new ValueTask<ToolResult>(ToolResult.Success(call, "1")));
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Pipeline = RetryOn<InvalidOperationException>(5) };

        ToolResult result = await new ToolDispatcher(options, set).DispatchAsync(Call("flaky")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task A_per_tool_pipeline_applies_to_that_tool_only_and_its_final_failure_is_classified()
    {
        var set = new FakeToolSet()
            .Throws("custom", () => new TimeoutException("still down"))
            .Throws("builtin", () => new FormatException("bad"));
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock }.PipelineFor("custom", RetryOn<TimeoutException>(2));
        var dispatcher = new ToolDispatcher(options, set);

        ToolResult custom = await dispatcher.DispatchAsync(Call("custom")).Guarded();
        ToolResult builtin = await dispatcher.DispatchAsync(Call("builtin")).Guarded();

        Assert.Equal(3, custom.Attempts);
        Assert.Equal(ToolErrorKind.ExecutionError, custom.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, custom.Category);
        Assert.Equal("still down", custom.ErrorMessage);
        Assert.Equal(1, builtin.Attempts);
        Assert.Empty(_clock.Armed);
    }

    [Fact]
    public async Task A_timeout_reaches_the_pipeline_as_timeout_rejected_exception()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("slow_once", (call, token) => ++calls == 1
            ? new ValueTask<ToolResult>(Task.Delay(Timeout.InfiniteTimeSpan, token).ContinueWith(_ => ToolResult.Success(call, "0"), TaskScheduler.Default))
            : new ValueTask<ToolResult>(ToolResult.Success(call, "2")), timeoutMilliseconds: 1000);
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Pipeline = RetryOn<TimeoutRejectedException>(1) };

        Task<ToolResult> pending = new ToolDispatcher(options, set).DispatchAsync(Call("slow_once")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0);
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_final_timeout_from_the_pipeline_is_a_timeout_result()
    {
        var never = new TaskCompletionSource<ToolResult>();
        var set = new FakeToolSet().Add("hang", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 1000);
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Pipeline = ResiliencePipeline.Empty };

        Task<ToolResult> pending = new ToolDispatcher(options, set).DispatchAsync(Call("hang")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0);
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
    }

    [Fact]
    public async Task Tool_set_failures_are_results_the_pipeline_does_not_retry()
    {
        var set = new FakeToolSet().Add("strict", (call, _) => new ValueTask<ToolResult>(
            ToolResult.Failure(call, ToolErrorKind.InvalidArguments, ToolErrorCategory.Permanent, "'days' must be an integer")));
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Pipeline = RetryOn<Exception>(3) };

        ToolResult result = await new ToolDispatcher(options, set).DispatchAsync(Call("strict")).Guarded();

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Caller_cancellation_through_a_pipeline_is_canceled()
    {
        var set = new FakeToolSet().Add("slow", async (call, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return ToolResult.Success(call, "1");
        }, timeoutMilliseconds: -1);
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Pipeline = RetryOn<Exception>(3) };
        using var cts = new CancellationTokenSource();

        Task<ToolResult> pending = new ToolDispatcher(options, set).DispatchAsync(Call("slow"), cts.Token).AsTask();
        cts.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
    }
}
