using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

/// <summary>
/// A synchronous tool that blocks (here: on an event the test opens at the end, never on real time) still gets its
/// timeout result on time through every entry point, because it runs on a thread of the dispatcher's own.
/// </summary>
public sealed class BlockingToolTests : IDisposable
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    private readonly TestClock _clock = new();
    private readonly ManualResetEventSlim _release = new();

    public void Dispose()
    {
        _release.Set(); // lets every blocked tool return, so no thread stays held after the test
        _release.Dispose();
    }

    private ToolDispatcher Dispatcher(FakeToolSet set, int maxToolThreads = ToolDispatcherOptions.DefaultMaxToolThreads, int maxConcurrency = 16) => new(
        new ToolDispatcherOptions { TimeProvider = _clock, MaxAttempts = 1, MaxToolThreads = maxToolThreads, MaxConcurrency = maxConcurrency },
        set);

    private ValueTask<ToolResult> Blocks(ToolCall call, CancellationToken token)
    {
        _release.Wait(s_guard);
        return new ValueTask<ToolResult>(ToolResult.Success(call, "\"late\""));
    }

    [Fact]
    public async Task A_single_DispatchAsync_of_a_blocking_tool_returns_its_timeout_on_time()
    {
        var set = new FakeToolSet().Add("stuck", Blocks, timeoutMilliseconds: 200, runInline: false);

        ValueTask<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("stuck")); // returns at once: not run here
        await _clock.WaitForArmedAsync(1);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.Elapsed);
        Assert.False(_release.IsSet); // the tool is still blocked: it was abandoned, not waited for
    }

    [Fact]
    public async Task Caller_cancellation_ends_a_blocking_call_at_once()
    {
        var set = new FakeToolSet().Add("stuck", Blocks, timeoutMilliseconds: -1, runInline: false);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        set.Add("stuck_signalled", (call, token) =>
        {
            started.SetResult();
            return Blocks(call, token);
        }, timeoutMilliseconds: -1, runInline: false);

        ValueTask<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("stuck_signalled"), cancel.Token);
        await started.Task.Guarded();
        cancel.Cancel();
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Canceled, result.ErrorKind);
    }

    [Fact]
    public async Task A_tool_runs_on_a_tool_thread_with_the_callers_async_locals()
    {
        var local = new AsyncLocal<string>();
        string? seen = null;
        string? threadName = null;
        var set = new FakeToolSet().Add("where", (call, _) =>
        {
            seen = local.Value;
            threadName = Thread.CurrentThread.Name;
            return new ValueTask<ToolResult>(ToolResult.Success(call, "1"));
        }, runInline: false);

        local.Value = "request-42";
        ToolResult result = await Dispatcher(set).DispatchAsync(Call("where")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal("request-42", seen);
        Assert.Equal("ToolGen tool", threadName);
    }

    [Fact]
    public void A_tool_that_opts_in_runs_inline_on_the_callers_thread_and_completes_synchronously()
    {
        int? toolThread = null;
        var set = new FakeToolSet().Add(
            new ToolDefinition("inline", "Runs inline.", "{\"type\":\"object\"}", "", runInline: true),
            (call, _) =>
            {
                toolThread = Environment.CurrentManagedThreadId;
                return new ValueTask<ToolResult>(ToolResult.Success(call, "1"));
            });

        ValueTask<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("inline"));

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(Environment.CurrentManagedThreadId, toolThread);
    }

    [Fact]
    public async Task Blocked_tools_of_one_dispatcher_never_delay_another_dispatchers_calls()
    {
        // Dispatcher A has one tool thread, held by a blocked tool; B must not notice.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var setA = new FakeToolSet().Add("stuck", (call, token) =>
        {
            entered.TrySetResult();
            return Blocks(call, token);
        }, timeoutMilliseconds: 200, runInline: false);
        setA.Add("after", (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, "3")), runInline: false);
        var setB = new FakeToolSet().Add("fast", (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, "2")), runInline: false);
        ToolDispatcher a = Dispatcher(setA, maxToolThreads: 1);
        ToolDispatcher b = Dispatcher(setB, maxToolThreads: 1);

        ValueTask<ToolResult> first = a.DispatchAsync(Call("stuck", id: "a1"));
        await entered.Task.Guarded();
        ValueTask<ToolResult> queued = a.DispatchAsync(Call("stuck", id: "a2")); // waits for A's only thread
        ToolResult fromB = await b.DispatchAsync(Call("fast")).Guarded();

        Assert.True(fromB.IsSuccess);

        // A's calls both time out on time; the queued one never ran the tool (nothing to repeat, nothing to abandon).
        await _clock.WaitForArmedAsync(2);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(ToolErrorKind.Timeout, (await first.Guarded()).ErrorKind);
        Assert.Equal(ToolErrorKind.Timeout, (await queued.Guarded()).ErrorKind);
        _release.Set();

        // A's only thread takes its queue in order: once a later call has run, the queued one was seen and dropped.
        Assert.True((await a.DispatchAsync(Call("after", id: "a3")).Guarded()).IsSuccess);
        Assert.Equal(1, setA.Invocations("stuck"));
    }

    [Fact]
    public async Task Sixty_four_blocking_tools_in_one_batch_all_time_out_without_tuning_the_thread_pool()
    {
        // Under the earlier design each blocked tool held a thread-pool thread, so the batch's own continuations waited
        // for the pool to grow (about one thread per half second): 30 s for this batch. The guard fails it at 20 s.
        var set = new FakeToolSet().Add("stuck", Blocks, timeoutMilliseconds: 200, runInline: false);
        ToolDispatcher dispatcher = Dispatcher(set, maxConcurrency: 64);

        Task<IReadOnlyList<ToolResult>> batch = dispatcher.DispatchAllAsync(
            Enumerable.Range(0, 64).Select(i => Call("stuck", id: $"c{i}")));
        await _clock.WaitForArmedAsync(64);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.All(results, r => Assert.Equal(ToolErrorKind.Timeout, r.ErrorKind));
        Assert.Equal(64, set.Invocations("stuck"));
    }
}
