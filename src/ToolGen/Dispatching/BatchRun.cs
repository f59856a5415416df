using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Dispatching;

/// <summary>
/// One <see cref="ToolDispatcher.DispatchAllAsync"/> batch: a fixed number of workers on the thread pool pull the next
/// work item until none is left, so at most that many calls run at once and each result lands at its call's index
/// whatever the completion order. Tools run on the dispatcher's tool threads, so a blocking tool holds no worker.
/// </summary>
/// <remarks>
/// A tool with its own <see cref="ToolAttribute.MaxConcurrency"/> of <c>n</c> gets <c>n</c> lanes instead of one work
/// item per call: each lane takes that tool's next call in call order until none is left, so its calls start in call
/// order and never more than <c>n</c> run at once, while other tools' calls go on in parallel.
/// </remarks>
internal sealed class BatchRun
{
    private readonly ToolDispatcher _dispatcher;
    private readonly ToolCall[] _calls;
    private readonly ToolResult[] _results;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<IReadOnlyList<ToolResult>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Null when no tool of the batch has a limit of its own: the work items are then the call indices themselves.
    private readonly int[]? _work;
    private readonly Queue<int>[]? _lanes;

    private int _next = -1;
    private int _activeWorkers;

    private BatchRun(ToolDispatcher dispatcher, ToolCall[] calls, CancellationToken cancellationToken)
    {
        _dispatcher = dispatcher;
        _calls = calls;
        _results = new ToolResult[calls.Length];
        _cancellationToken = cancellationToken;
        (_work, _lanes) = Plan(dispatcher, calls);
    }

    private int WorkCount => _work?.Length ?? _calls.Length;

    public static Task<IReadOnlyList<ToolResult>> Start(
        ToolDispatcher dispatcher,
        ToolCall[] calls,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        var run = new BatchRun(dispatcher, calls, cancellationToken);
        int workers = Math.Min(maxConcurrency, run.WorkCount);
        run._activeWorkers = workers;
        Func<Task> work = run.WorkAsync;
        for (int i = 0; i < workers; i++)
        {
            // Off the caller's thread: a tool that opted in to RunInline and blocks must not hold up the others.
            _ = Task.Run(work, CancellationToken.None);
        }

        return run._completion.Task;
    }

    /// <summary>Work items: a call index (≥ 0), or <c>~lane</c> for a lane of a tool with its own limit.</summary>
    private static (int[]? Work, Queue<int>[]? Lanes) Plan(ToolDispatcher dispatcher, ToolCall[] calls)
    {
        Dictionary<string, (int Lane, int Limit, int Started)>? limited = null;
        List<Queue<int>>? lanes = null;
        List<int>? work = null;
        for (int i = 0; i < calls.Length; i++)
        {
            int limit = dispatcher.ConcurrencyLimitOf(calls[i].Name);
            if (limit == 0)
            {
                work?.Add(i);
                continue;
            }

            if (work is null)
            {
                work = new List<int>(calls.Length);
                for (int j = 0; j < i; j++)
                {
                    work.Add(j);
                }

                limited = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
                lanes = [];
            }

            if (!limited!.TryGetValue(calls[i].Name, out var tool))
            {
                tool = (lanes!.Count, limit, 0);
                lanes.Add(new Queue<int>());
            }

            lanes![tool.Lane].Enqueue(i);
            if (tool.Started < tool.Limit)
            {
                tool.Started++;
                work.Add(~tool.Lane);
            }

            limited[calls[i].Name] = tool;
        }

        return work is null ? (null, null) : (work.ToArray(), lanes!.ToArray());
    }

    private async Task WorkAsync()
    {
        int item;
        while ((item = Interlocked.Increment(ref _next)) < WorkCount)
        {
            int index = _work is null ? item : _work[item];
            if (index >= 0)
            {
                await RunAsync(index).ConfigureAwait(false);
                continue;
            }

            Queue<int> lane = _lanes![~index];
            while (TryTake(lane, out int next))
            {
                await RunAsync(next).ConfigureAwait(false);
            }
        }

        if (Interlocked.Decrement(ref _activeWorkers) == 0)
        {
            _completion.TrySetResult(_results);
        }
    }

    private static bool TryTake(Queue<int> lane, out int index)
    {
        lock (lane)
        {
            return lane.TryDequeue(out index);
        }
    }

    private async Task RunAsync(int index)
    {
        ToolCall call = _calls[index];
        try
        {
            _results[index] = await _dispatcher.DispatchInBatchAsync(call, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Last resort for a dispatcher bug: nothing of the exception is read (reading it could throw again and
            // end this worker, and with it the batch); the other calls still get results.
            _results[index] = ToolResult.Failure(call, ToolErrorKind.ExecutionError, ToolErrorCategory.Unknown, FailureResults.GenericExecutionMessage);
        }
    }
}
