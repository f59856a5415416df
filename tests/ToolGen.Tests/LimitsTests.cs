using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

/// <summary>A deadline for the whole call, and a tool's own concurrency limit within a batch.</summary>
public sealed class LimitsTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcher Dispatcher(FakeToolSet set, TimeSpan? deadline = null) => new(
        new ToolDispatcherOptions
        {
            TimeProvider = _clock,
            UseJitter = false,
            MaxAttempts = 5,
            BaseDelay = TimeSpan.FromSeconds(1),
            DefaultDeadline = deadline ?? Timeout.InfiniteTimeSpan,
        },
        set);

    [Fact]
    public async Task The_deadline_ends_retries_and_backoff_with_a_timeout_result()
    {
        var set = new FakeToolSet().Add("flaky", async (_, _) =>
        {
            await Task.Yield();
            throw new IOException("connection reset");
        }, timeoutMilliseconds: -1); // no attempt timer: the only timers are the deadline and the delays

        // Attempt 1 fails at 0 s, the 1 s delay, attempt 2 fails, then the 2 s delay would end at 3 s: past 2.5 s.
        Task<ToolResult> pending = Dispatcher(set, TimeSpan.FromSeconds(2.5)).DispatchAsync(Call("flaky")).AsTask();
        await _clock.WaitForArmedAsync(2); // the deadline and the first backoff delay
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _clock.WaitForArmedAsync(3); // the second backoff delay
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2.5), result.Elapsed);
        Assert.Equal("The tool 'flaky' did not finish within its deadline of 2500 ms, attempts and retries included.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_per_tool_deadline_cuts_an_attempt_short_and_overrides_the_default()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add(
            FakeToolSet.Definition("slow", timeoutMilliseconds: 10_000) is var d
                ? new ToolDefinition(d.Name, d.Description, d.InputSchemaUtf8, default, d.TimeoutMilliseconds, annotations: d.Annotations, deadlineMilliseconds: 700)
                : d,
            (_, _) => new ValueTask<ToolResult>(never.Task));

        Task<ToolResult> pending = Dispatcher(set, TimeSpan.FromHours(1)).DispatchAsync(Call("slow")).AsTask();
        await _clock.WaitForArmedAsync(2);
        _clock.Advance(TimeSpan.FromMilliseconds(700));
        ToolResult result = await pending.Guarded();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(TimeSpan.FromMilliseconds(700), result.Elapsed);
        Assert.Contains("deadline of 700 ms", result.ErrorMessage);
        never.SetResult(ToolResult.Success(Call("slow"), "1"));
    }

    [Fact]
    public async Task Caller_cancellation_with_a_deadline_is_still_a_cancellation()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("slow", (_, _) => new ValueTask<ToolResult>(never.Task));
        using var cancel = new CancellationTokenSource();

        Task<ToolResult> pending = Dispatcher(set, TimeSpan.FromSeconds(5)).DispatchAsync(Call("slow"), cancel.Token).AsTask();
        await _clock.WaitForArmedAsync(2);
        cancel.Cancel();

        Assert.Equal(ToolErrorKind.Canceled, (await pending.Guarded()).ErrorKind);
        never.SetResult(ToolResult.Success(Call("slow"), "1"));
    }

    [Fact]
    public void A_non_positive_deadline_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(new ToolDispatcherOptions { DefaultDeadline = TimeSpan.Zero }, new FakeToolSet()));
    }

    [Fact]
    public async Task A_sequential_tool_runs_its_batch_calls_one_at_a_time_in_call_order_while_others_run_in_parallel()
    {
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new List<string>();
        int running = 0, most = 0;
        var parallelStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet()
            .Add(
                new ToolDefinition("append", "Appends.", "{\"type\":\"object\"}", "", annotations: FakeToolSet.Idempotent, maxConcurrency: 1),
                async (call, _) =>
                {
                    lock (started)
                    {
                        started.Add(call.Id);
                        most = Math.Max(most, ++running);
                    }

                    ToolResult result = await gates[int.Parse(call.Id.AsSpan(1))].Task;
                    lock (started)
                    {
                        running--;
                    }

                    return result;
                })
            .Add("lookup", (call, _) =>
            {
                parallelStarted.TrySetResult();
                return new ValueTask<ToolResult>(ToolResult.Success(call, "\"x\""));
            });

        ToolCall[] calls = [Call("append", id: "s0"), Call("append", id: "s1"), Call("lookup", id: "p"), Call("append", id: "s2"), Call("append", id: "s3")];
        Task<IReadOnlyList<ToolResult>> batch = Dispatcher(set).DispatchAllAsync(calls);

        await parallelStarted.Task.Guarded(); // the other tool is not held back by the sequential one
        for (int i = 0; i < 4; i++)
        {
            await WaitUntilAsync(() => { lock (started) { return started.Count == i + 1; } });
            gates[i].SetResult(ToolResult.Success(calls.First(c => c.Id == $"s{i}"), i.ToString()));
        }

        IReadOnlyList<ToolResult> results = await batch.Guarded();

        Assert.Equal(["s0", "s1", "s2", "s3"], started);
        Assert.Equal(1, most);
        Assert.Equal(["s0", "s1", "p", "s2", "s3"], results.Select(r => r.CallId));
        Assert.All(results, r => Assert.True(r.IsSuccess));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Yield();
        }
    }
}
