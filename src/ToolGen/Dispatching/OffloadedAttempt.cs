using System;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Dispatching;

/// <summary>
/// One attempt queued to a <see cref="ToolThreads"/> thread: calls the tool there and completes with its result or
/// exception (it is its own TaskCompletionSource: one allocation). Continuations run asynchronously so that the
/// caller's code never runs on, and never holds, a tool thread.
/// </summary>
internal sealed class OffloadedAttempt : TaskCompletionSource<ToolResult>
{
    private readonly ToolEntry _entry;
    private readonly ToolCall _call;
    private readonly CancellationToken _token;
    private readonly ExecutionContext? _context;

    public OffloadedAttempt(ToolEntry entry, ToolCall call, CancellationToken token)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _entry = entry;
        _call = call;
        _token = token;

        // The caller's AsyncLocals (Activity.Current, logging scopes) flow to the tool, as they would with Task.Run.
        _context = ExecutionContext.Capture();
    }

    public void Run()
    {
        if (_context is null)
        {
            RunHere();
        }
        else
        {
            ExecutionContext.Run(_context, static state => ((OffloadedAttempt)state!).RunHere(), this);
        }
    }

    private void RunHere()
    {
        if (_token.IsCancellationRequested)
        {
            // Timed out or cancelled while it waited for a thread: the caller has its result; never start the tool.
            TrySetCanceled(_token);
            return;
        }

        ValueTask<ToolResult> pending;
        try
        {
            pending = _entry.Set.InvokeAsync(_call, _token);
        }
        catch (Exception exception)
        {
            TrySetException(exception);
            return;
        }

        if (pending.IsCompleted)
        {
            Complete(pending);
            return;
        }

        // An async tool: its thread is free from here on; the rest completes wherever the tool's awaits resume.
        pending.AsTask().ContinueWith(
            static (task, state) => ((OffloadedAttempt)state!).Complete(new ValueTask<ToolResult>(task)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // A cancellation exception is kept as the fault (not turned into a cancelled task), so that the dispatcher
    // classifies exactly what the tool threw, e.g. HttpClient's timeout.
    private void Complete(ValueTask<ToolResult> finished)
    {
        try
        {
            TrySetResult(finished.Result);
        }
        catch (Exception exception)
        {
            TrySetException(exception);
        }
    }
}
