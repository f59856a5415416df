using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ToolGen.ReliabilityTests.Corpus;
using ToolGen.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace ToolGen.ReliabilityTests.Load;

/// <summary>
/// 10,000-call batches mixing successes, transient and permanent failures, synchronous throws, abandoned tools, bad
/// arguments and unknown names: one result per call, in order, of the right kind and category; caller cancellation
/// in the middle; blocking tools that do not stall the rest; memory back to baseline.
/// </summary>
[Collection(SerialCollection.Name)]
public class BatchLoadTests(ITestOutputHelper output)
{
    private const int Calls = 10_000;

    private enum Behaviour { Ok, OkAsync, Transient, Permanent, Hang, BadArguments, UnknownName }

    private static Behaviour BehaviourOf(int i) => (i % 50) switch
    {
        0 => Behaviour.Hang,
        < 20 => Behaviour.Ok,
        < 35 => Behaviour.OkAsync,
        < 40 => Behaviour.Transient,
        < 45 => Behaviour.Permanent,
        < 48 => Behaviour.BadArguments,
        _ => Behaviour.UnknownName,
    };

    private static ToolCall CallFor(int i) => BehaviourOf(i) switch
    {
        Behaviour.Ok => new ToolCall($"c{i}", "ok", $"{{\"n\":{i}}}"),
        Behaviour.OkAsync => new ToolCall($"c{i}", "ok_async", $"{{\"n\":{i}}}"),
        Behaviour.Transient => new ToolCall($"c{i}", "transient", $"{{\"n\":{i}}}"),
        Behaviour.Permanent => new ToolCall($"c{i}", "permanent", $"{{\"n\":{i}}}"),
        Behaviour.Hang => new ToolCall($"c{i}", "hang", $"{{\"n\":{i}}}"),
        Behaviour.BadArguments => new ToolCall($"c{i}", "ok", "{\"n\":\"seven\"}"),
        _ => new ToolCall($"c{i}", "Ok", $"{{\"n\":{i}}}"), // exact matching: no case folding
    };

    private static (ToolErrorKind Kind, ToolErrorCategory Category) Expected(Behaviour b) => b switch
    {
        Behaviour.Ok or Behaviour.OkAsync => (ToolErrorKind.None, ToolErrorCategory.None),
        Behaviour.Transient => (ToolErrorKind.ExecutionError, ToolErrorCategory.Transient),
        Behaviour.Permanent => (ToolErrorKind.ExecutionError, ToolErrorCategory.Permanent),
        Behaviour.Hang => (ToolErrorKind.Timeout, ToolErrorCategory.Transient),
        Behaviour.BadArguments => (ToolErrorKind.InvalidArguments, ToolErrorCategory.Permanent),
        _ => (ToolErrorKind.FunctionNotFound, ToolErrorCategory.Permanent),
    };

    private static ToolDispatcher Dispatcher(FakeTimeProvider clock, LoadTools tools) =>
        new(new ToolDispatcherOptions { TimeProvider = clock, DefaultTimeout = Timeout.InfiniteTimeSpan, MaxConcurrency = 32 }, tools);

    [Fact]
    public async Task Ten_thousand_mixed_calls_each_get_one_result_in_order()
    {
        using var gate = new ManualResetEventSlim(true);
        var clock = new FakeTimeProvider();
        var tools = new LoadTools(gate);
        ToolDispatcher dispatcher = Dispatcher(clock, tools);
        ToolCall[] calls = Enumerable.Range(0, Calls).Select(CallFor).ToArray();

        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        IReadOnlyList<ToolResult> results = await FakeClockPump.RunAsync(clock, dispatcher.DispatchAllAsync(calls));

        Assert.Equal(Calls, results.Count);
        for (int i = 0; i < Calls; i++)
        {
            ToolResult r = results[i];
            Assert.Equal($"c{i}", r.CallId);
            (ToolErrorKind kind, ToolErrorCategory category) = Expected(BehaviourOf(i));
            Assert.True(r.ErrorKind == kind && r.Category == category, $"call {i} ({BehaviourOf(i)}): {r.Content}");
            Assert.Equal(1, r.Attempts);
            if (kind == ToolErrorKind.None)
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ResultJson);
            }
        }

        // Every result dropped, abandoned tasks included: the heap returns to (near) where it was.
        results = null!;
        calls = null!;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{Calls} calls; heap before {baseline:N0} B, after {after:N0} B");
        Assert.True(after - baseline < 4 * 1024 * 1024, $"heap grew by {after - baseline:N0} bytes");
    }

    [Fact]
    public async Task Cancellation_in_the_middle_still_gives_every_call_one_result()
    {
        using var gate = new ManualResetEventSlim(true);
        var clock = new FakeTimeProvider();
        var tools = new LoadTools(gate);
        using var cancellation = new CancellationTokenSource();
        tools.OnInvoked = _ =>
        {
            if (Volatile.Read(ref tools.Invocations) == Calls / 2)
            {
                cancellation.Cancel();
            }
        };
        ToolDispatcher dispatcher = Dispatcher(clock, tools);
        ToolCall[] calls = Enumerable.Range(0, Calls).Select(CallFor).ToArray();

        IReadOnlyList<ToolResult> results = await FakeClockPump.RunAsync(clock, dispatcher.DispatchAllAsync(calls, cancellation.Token));

        Assert.Equal(Calls, results.Count);
        int canceled = 0;
        for (int i = 0; i < Calls; i++)
        {
            ToolResult r = results[i];
            Assert.Equal($"c{i}", r.CallId);
            (ToolErrorKind kind, ToolErrorCategory category) = Expected(BehaviourOf(i));
            if (r.ErrorKind == ToolErrorKind.Canceled)
            {
                canceled++;
                Assert.Equal(ToolErrorCategory.Transient, r.Category);
            }
            else
            {
                Assert.True(r.ErrorKind == kind && r.Category == category, $"call {i} ({BehaviourOf(i)}): {r.Content}");
            }
        }

        output.WriteLine($"{Calls} calls, {canceled} canceled after the caller gave up mid-batch");
        Assert.InRange(canceled, 1, Calls - 1);
    }

    [Fact]
    public async Task Blocking_sync_tools_do_not_stall_async_ones()
    {
        using var gate = new ManualResetEventSlim(false);
        var clock = new FakeTimeProvider();
        var tools = new LoadTools(gate);
        ToolDispatcher dispatcher = new(new ToolDispatcherOptions { TimeProvider = clock, DefaultTimeout = Timeout.InfiniteTimeSpan, MaxConcurrency = 8 }, tools);

        // Eight blockers first, as many as the batch's concurrency: without offloading and abandonment they would
        // hold every worker and the 500 async calls behind them would never start.
        ToolCall[] calls = Enumerable.Range(0, 8).Select(i => new ToolCall($"b{i}", "block", $"{{\"n\":{i}}}"))
            .Concat(Enumerable.Range(0, 500).Select(i => new ToolCall($"a{i}", "ok_async", $"{{\"n\":{i}}}")))
            .ToArray();

        // No thread-pool tuning: the blocked threads belong to the shared pool, and the dispatcher must not depend on
        // the host having spare ones.
        try
        {
            IReadOnlyList<ToolResult> results = await FakeClockPump.RunAsync(clock, dispatcher.DispatchAllAsync(calls));
            Assert.All(results.Take(8), r => Assert.Equal(ToolErrorKind.Timeout, r.ErrorKind));
            Assert.All(results.Skip(8), r => Assert.True(r.IsSuccess, r.Content));
            Assert.Equal(0, Volatile.Read(ref tools.BlockersReleased)); // everything finished while the blockers were still blocked
        }
        finally
        {
            gate.Set(); // release the abandoned threads
        }
    }
}
