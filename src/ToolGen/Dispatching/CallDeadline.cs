using System;
using System.Threading;

namespace ToolGen.Dispatching;

/// <summary>
/// The deadline of one whole call (every attempt and backoff delay): a token that fires when the caller cancels or
/// the deadline passes, and the judgement of which of the two ended the call. Without a deadline it is the caller's
/// token and costs nothing.
/// </summary>
internal readonly struct CallDeadline : IDisposable
{
    private static readonly Action<object?> s_cancel = static state => ((CancellationTokenSource)state!).Cancel();

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _link;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _deadline;

    private CallDeadline(CancellationTokenSource? source, CancellationTokenRegistration link, CancellationToken caller, TimeSpan deadline)
    {
        _source = source;
        _link = link;
        _caller = caller;
        _deadline = deadline;
    }

    /// <summary>The token for the call's attempts and delays.</summary>
    public CancellationToken Token => _source?.Token ?? _caller;

    public static CallDeadline Start(TimeSpan deadline, long start, TimeProvider time, CancellationToken caller)
    {
        if (deadline == Timeout.InfiniteTimeSpan)
        {
            return new CallDeadline(null, default, caller, deadline);
        }

        // Counted from the start of the call, the first attempt's synchronous part included.
        TimeSpan remaining = deadline - time.GetElapsedTime(start);
        var source = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        CancellationTokenRegistration link = caller.UnsafeRegister(s_cancel, source);
        return new CallDeadline(source, link, caller, deadline);
    }

    /// <summary>A call that ended as cancelled because its deadline passed (not the caller) ends as a timeout instead.</summary>
    public ToolResult Judge(ToolCall call, ToolResult result) =>
        _source is { IsCancellationRequested: true } && !_caller.IsCancellationRequested && result.ErrorKind == ToolErrorKind.Canceled
            ? FailureResults.DeadlinePassed(call, _deadline)
            : result;

    public void Dispose()
    {
        _link.Dispose();
        _source?.Dispose();
    }
}
