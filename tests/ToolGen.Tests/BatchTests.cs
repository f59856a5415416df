using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class BatchTests
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);
    private readonly TestClock _clock = new();

    private ToolDispatcher Dispatcher(IToolSet set, int maxConcurrency = ToolDispatcherOptions.DefaultMaxConcurrency) => new(
        new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, MaxAttempts = 1, MaxConcurrency = maxConcurrency },
        set);

    [Fact]
    public async Task A_thousand_calls_come_back_in_order_each_with_its_own_outcome()
    {
        var set = new FakeToolSet()
            .Add("echo", async (call, _) =>
            {
                await Task.Yield();
                return ToolResult.Success(call, call.ArgumentsJson);
            }, timeoutMilliseconds: -1)
            .Returns("sync_echo", "\"sync\"")
            .Throws("broken", () => new FormatException("bad date"))
            .Add("needs_city", (call, _) => new ValueTask<ToolResult>(
                ToolResult.Failure(call, ToolErrorKind.MissingArgument, ToolErrorCategory.Permanent, "Missing required argument: city")));
        string[] kinds = ["echo", "sync_echo", "broken", "needs_city", "no_such_tool"];
        ToolCall[] calls = [.. Enumerable.Range(0, 1000).Select(i => Call(kinds[i % kinds.Length], $"{{\"i\":{i}}}", $"call_{i}"))];

        IReadOnlyList<ToolResult> results = await Dispatcher(set).DispatchAllAsync(calls).Guarded();

        Assert.Equal(1000, results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            ToolResult result = results[i];
            Assert.Equal($"call_{i}", result.CallId);
            Assert.Equal(kinds[i % kinds.Length], result.ToolName);
            switch (i % kinds.Length)
            {
                case 0: Assert.Equal($"{{\"success\":true,\"result\":{{\"i\":{i}}}}}", result.Content); break;
                case 1: Assert.Equal("{\"success\":true,\"result\":\"sync\"}", result.Content); break;
                case 2: Assert.Equal(ToolErrorCategory.Permanent, result.Category); Assert.Equal("bad date", result.ErrorMessage); break;
                case 3: Assert.Equal(ToolErrorKind.MissingArgument, result.ErrorKind); break;
                default: Assert.Equal(ToolErrorKind.FunctionNotFound, result.ErrorKind); break;
            }
        }

        Assert.Equal(200, set.Invocations("echo"));
        Assert.Equal(200, set.Invocations("broken"));
    }

    [Fact]
    public async Task Concurrency_is_bounded_by_max_concurrency()
    {
        int running = 0, peak = 0;
        var started = new SemaphoreSlim(0);
        var release = new SemaphoreSlim(0);
        var set = new FakeToolSet().Add("work", async (call, _) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            started.Release();
            await release.WaitAsync();
            Interlocked.Decrement(ref running);
            return ToolResult.Success(call, "1");
        }, timeoutMilliseconds: -1);

        Task<IReadOnlyList<ToolResult>> batch = Dispatcher(set, maxConcurrency: 3)
            .DispatchAllAsync(Enumerable.Range(0, 10).Select(i => Call("work", "{}", $"c{i}")));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await started.WaitAsync(s_guard));
        }

        Assert.False(started.Wait(0)); // a fourth call has not started while three are running
        release.Release(10);
        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(3, peak);
        Assert.Equal(10, set.Invocations("work"));
    }

    [Fact]
    public async Task Synchronous_tools_do_not_serialise_the_batch()
    {
        // The first tool blocks its thread until the second one has run: run one after the other, it would give up.
        using var secondRan = new ManualResetEventSlim();
        var set = new FakeToolSet()
            .Add("blocker", (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, secondRan.Wait(s_guard) ? "true" : "false")))
            .Add("releaser", (call, _) =>
            {
                secondRan.Set();
                return new ValueTask<ToolResult>(ToolResult.Success(call, "\"done\""));
            });

        IReadOnlyList<ToolResult> results = await Dispatcher(set).DispatchAllAsync([Call("blocker", id: "a"), Call("releaser", id: "b")]).Guarded();

        Assert.Equal("{\"success\":true,\"result\":true}", results[0].Content);
        Assert.Equal("b", results[1].CallId);
    }

    [Fact]
    public async Task A_timeout_in_one_call_does_not_hold_back_or_fail_the_others()
    {
        var never = new TaskCompletionSource<ToolResult>();
        var set = new FakeToolSet()
            .Add("hang", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 5000)
            .Returns("fast", "1");

        Task<IReadOnlyList<ToolResult>> batch = Dispatcher(set).DispatchAllAsync([Call("fast", id: "1"), Call("hang", id: "2"), Call("fast", id: "3")]);
        await _clock.WaitForArmedAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(5));
        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.True(results[0].IsSuccess);
        Assert.Equal(ToolErrorKind.Timeout, results[1].ErrorKind);
        Assert.True(results[2].IsSuccess);
    }

    [Fact]
    public async Task Caller_cancellation_mid_batch_gives_every_pending_call_a_canceled_result()
    {
        var hanging = new SemaphoreSlim(0);
        var set = new FakeToolSet()
            .Returns("fast", "\"ok\"")
            .Add("slow", async (call, token) =>
            {
                hanging.Release();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return ToolResult.Success(call, "1");
            }, timeoutMilliseconds: -1);
        using var cts = new CancellationTokenSource();
        ToolCall[] calls = [Call("fast", id: "0"), Call("slow", id: "1"), Call("slow", id: "2"), Call("fast", id: "3"), Call("fast", id: "4")];

        // Two workers: the first fast call completes, both slow calls start and hang; calls 3 and 4 wait their turn.
        Task<IReadOnlyList<ToolResult>> batch = Dispatcher(set, maxConcurrency: 2).DispatchAllAsync(calls, cts.Token);
        Assert.True(await hanging.WaitAsync(s_guard));
        Assert.True(await hanging.WaitAsync(s_guard));
        cts.Cancel();
        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.Equal(["0", "1", "2", "3", "4"], results.Select(r => r.CallId));
        Assert.True(results[0].IsSuccess);
        Assert.All(results.Skip(1), r => Assert.Equal(ToolErrorKind.Canceled, r.ErrorKind));
        Assert.Equal(1, results[1].Attempts);
        Assert.Equal(0, results[3].Attempts); // never started
        Assert.Equal(1, set.Invocations("fast"));
    }

    [Fact]
    public async Task An_empty_batch_returns_no_results()
    {
        IReadOnlyList<ToolResult> results = await Dispatcher(new FakeToolSet()).DispatchAllAsync([]).Guarded();

        Assert.Empty(results);
    }

    [Fact]
    public async Task A_throwing_classifier_falls_back_to_the_built_in_rules()
    {
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = true, TimeProvider = _clock, Classifier = _ => throw new InvalidOperationException("classifier bug") };
        var set = new FakeToolSet().Throws("broken", () => new ArgumentException("no such order")).Returns("fine", "1");
        var dispatcher = new ToolDispatcher(options, set);

        IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync([Call("broken"), Call("fine")]).Guarded();
        ToolResult single = await dispatcher.DispatchAsync(Call("broken")).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, results[0].ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, results[0].Category);
        Assert.Equal("no such order", results[0].ErrorMessage);
        Assert.True(results[1].IsSuccess);
        Assert.Equal(ToolErrorCategory.Permanent, single.Category);
        Assert.Equal(1, single.Attempts);
    }

    [Fact]
    public async Task A_synchronous_tool_that_blocks_is_abandoned_at_its_timeout_in_a_batch()
    {
        // The tool blocks its thread and never looks at its token; the batch must still answer at the timeout.
        using var release = new ManualResetEventSlim();
        var set = new FakeToolSet()
            .Add("stuck", (call, _) =>
            {
                release.Wait(s_guard);
                return new ValueTask<ToolResult>(ToolResult.Success(call, "\"late\""));
            }, timeoutMilliseconds: 2000, maxAttempts: 1, runInline: false)
            .Returns("fast", "1");

        Task<IReadOnlyList<ToolResult>> batch = Dispatcher(set).DispatchAllAsync([Call("stuck", id: "a"), Call("fast", id: "b")]);
        await _clock.WaitForArmedAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(2));
        IReadOnlyList<ToolResult> results = await batch.Guarded();
        release.Set();

        Assert.Equal(ToolErrorKind.Timeout, results[0].ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, results[0].Category);
        Assert.True(results[1].IsSuccess);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
