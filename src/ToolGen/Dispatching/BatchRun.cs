using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Dispatching;

/// <summary>
/// One <see cref="ToolDispatcher.DispatchAllAsync"/> batch: a fixed number of workers on the thread pool pull the next
/// call index until none is left, so at most that many calls run at once, a synchronous tool blocks only its own
/// worker, and each result lands at its call's index whatever the completion order.
/// </summary>
internal sealed class BatchRun
{
    private readonly ToolDispatcher _dispatcher;
    private readonly ToolCall[] _calls;
    private readonly ToolResult[] _results;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<IReadOnlyList<ToolResult>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _next = -1;
    private int _activeWorkers;

    private BatchRun(ToolDispatcher dispatcher, ToolCall[] calls, CancellationToken cancellationToken)
    {
        _dispatcher = dispatcher;
        _calls = calls;
        _results = new ToolResult[calls.Length];
        _cancellationToken = cancellationToken;
    }

    public static Task<IReadOnlyList<ToolResult>> Start(
        ToolDispatcher dispatcher,
        ToolCall[] calls,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        var run = new BatchRun(dispatcher, calls, cancellationToken);
        int workers = Math.Min(maxConcurrency, calls.Length);
        run._activeWorkers = workers;
        Func<Task> work = run.WorkAsync;
        for (int i = 0; i < workers; i++)
        {
            // Off the caller's thread: a tool that blocks synchronously must not hold up the calls after it.
            _ = Task.Run(work, CancellationToken.None);
        }

        return run._completion.Task;
    }

    private async Task WorkAsync()
    {
        int index;
        while ((index = Interlocked.Increment(ref _next)) < _calls.Length)
        {
            ToolCall call = _calls[index];
            try
            {
                _results[index] = await _dispatcher.DispatchInBatchAsync(call, _cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // DispatchAsync only throws for host bugs (a throwing Classifier); the other calls still get results.
                _results[index] = FailureResults.Execution(call, exception, ToolErrorCategory.Unknown, includeMessage: false);
            }
        }

        if (Interlocked.Decrement(ref _activeWorkers) == 0)
        {
            _completion.TrySetResult(_results);
        }
    }
}
