using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Telemetry;

namespace ToolGen.Dispatching;

/// <summary>
/// Runs one attempt of a call: hands the tool a token that fires at its timeout, abandons a tool that ignores the
/// token when the timeout passes, and turns every exception into a failed result.
/// </summary>
internal sealed class AttemptRunner
{
    private static readonly Action<object?> s_cancelSource = static state => ((CancellationTokenSource)state!).Cancel();

    private readonly Func<Exception, ToolErrorCategory?>? _classifier;
    private readonly bool _includeExceptionMessages;

    public AttemptRunner(TimeProvider time, Func<Exception, ToolErrorCategory?>? classifier, bool includeExceptionMessages)
    {
        Time = time;
        Pool = new CancellationSourcePool(time);
        _classifier = classifier;
        _includeExceptionMessages = includeExceptionMessages;
    }

    public TimeProvider Time { get; }

    public CancellationSourcePool Pool { get; }

    /// <summary>TELEMETRY: told of exceptions no rule could classify (logged at Error with their stack).</summary>
    public ToolTelemetry? Telemetry { get; init; }

    /// <summary>
    /// Calls the tool set, turning a synchronous throw into a faulted task so there is one failure path. With
    /// <paramref name="offload"/> the call starts on the thread pool, so that even a tool that blocks synchronously
    /// leaves the attempt pending and is abandoned at its timeout (batches use it; single calls keep the fast path).
    /// </summary>
    public static ValueTask<ToolResult> Invoke(ToolEntry entry, ToolCall call, CancellationToken attemptToken, bool offload)
    {
        if (offload)
        {
            return Offload(entry, call, attemptToken);
        }

        try
        {
            return entry.Set.InvokeAsync(call, attemptToken);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ToolResult>(exception);
        }
    }

    // Its own method: the lambda's closure would otherwise be allocated on every call, offloaded or not.
    private static ValueTask<ToolResult> Offload(ToolEntry entry, ToolCall call, CancellationToken attemptToken) =>
        new(Task.Run(() => entry.Set.InvokeAsync(call, attemptToken).AsTask(), CancellationToken.None));

    /// <summary>Starts and completes a whole attempt (used for retries, after the first).</summary>
    public ValueTask<AttemptResult> RunAsync(ToolEntry entry, ToolCall call, CancellationToken callerToken, bool offload)
    {
        if (callerToken.IsCancellationRequested)
        {
            return new ValueTask<AttemptResult>(new AttemptResult(FailureResults.Canceled(call)));
        }

        long start = Time.GetTimestamp();
        CancellationTokenSource source = Pool.Rent();
        ValueTask<ToolResult> pending = Invoke(entry, call, source.Token, offload);
        return CompleteAsync(entry, call, pending, source, start, callerToken);
    }

    /// <summary>
    /// Completes an attempt already started with <paramref name="source"/>'s token. The timeout timer and the link to
    /// the caller's token are only set up when the tool did not finish synchronously: the fast path allocates nothing.
    /// </summary>
    public ValueTask<AttemptResult> CompleteAsync(
        ToolEntry entry,
        ToolCall call,
        ValueTask<ToolResult> pending,
        CancellationTokenSource source,
        long start,
        CancellationToken callerToken)
    {
        if (!pending.IsCompleted)
        {
            return new ValueTask<AttemptResult>(WaitAsync(entry, call, pending.AsTask(), source, start, callerToken));
        }

        AttemptResult result;
        try
        {
            result = new AttemptResult(pending.Result);
        }
        catch (Exception exception)
        {
            result = Fail(entry, call, exception, source, callerToken);
        }

        Pool.Return(source);
        return new ValueTask<AttemptResult>(result);
    }

    /// <summary>The result for an exception thrown by an attempt (or by a custom pipeline around it).</summary>
    public AttemptResult Fail(ToolEntry entry, ToolCall call, Exception exception, CancellationTokenSource? source, CancellationToken callerToken)
    {
        // Whatever a tool throws once the caller gave up or its time ran out is a consequence of that, not its own error.
        if (callerToken.IsCancellationRequested)
        {
            return new AttemptResult(FailureResults.Canceled(call), exception);
        }

        if (source is { IsCancellationRequested: true })
        {
            return new AttemptResult(FailureResults.Timeout(call, entry.Timeout), exception);
        }

        ToolErrorCategory category = ToolErrorClassifier.Classify(exception, _classifier);
        if (category == ToolErrorCategory.Unknown && source is not null)
        {
            // Only for an attempt's own exception: a pipeline's final exception was reported by its attempt already.
            Telemetry?.UnknownFailure(call, exception);
        }

        return new AttemptResult(FailureResults.Execution(call, exception, category, _includeExceptionMessages), exception);
    }

    private async Task<AttemptResult> WaitAsync(
        ToolEntry entry,
        ToolCall call,
        Task<ToolResult> task,
        CancellationTokenSource source,
        long start,
        CancellationToken callerToken)
    {
        if (entry.Timeout != Timeout.InfiniteTimeSpan)
        {
            // The deadline counts from the start of the attempt, synchronous part of the tool included.
            TimeSpan remaining = entry.Timeout - Time.GetElapsedTime(start);
            if (remaining > TimeSpan.Zero)
            {
                source.CancelAfter(remaining);
            }
            else
            {
                source.Cancel();
            }
        }

        // Linked by hand rather than with CreateLinkedTokenSource: one registration, and only on this slow path.
        CancellationTokenRegistration link = callerToken.UnsafeRegister(s_cancelSource, source);
        AttemptResult result;
        try
        {
            // WaitAsync gives up when the token fires even if the tool ignores it: the result comes back on time.
            result = new AttemptResult(await task.WaitAsync(source.Token).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            result = Fail(entry, call, exception, source, callerToken);
        }
        finally
        {
            link.Dispose();
        }

        if (task.IsCompleted)
        {
            Pool.Return(source);
        }
        else
        {
            // Abandoned: the work may keep running and still holds the token, so the source is never reused; its
            // eventual exception is observed so that it does not surface as an unobserved task exception.
            _ = task.ContinueWith(
                static t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return result;
    }
}
