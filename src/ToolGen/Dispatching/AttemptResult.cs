using System;
using System.Threading.Tasks;

namespace ToolGen.Dispatching;

/// <summary>
/// The outcome of one attempt: the result (a failure for exceptions, timeouts and cancellation) and the exception
/// behind it, kept for Retry-After and for custom pipelines that decide on exceptions.
/// </summary>
internal readonly struct AttemptResult
{
    public AttemptResult(ToolResult result, Exception? exception = null, Task? abandoned = null, bool overlapRefused = false)
    {
        Result = result;
        Exception = exception;
        Abandoned = abandoned;
        OverlapRefused = overlapRefused;
    }

    /// <summary>
    /// The work of an attempt of a tool that is not idempotent, abandoned at its timeout: the next attempt may only
    /// start once it has ended, or the two would overlap.
    /// </summary>
    public Task? Abandoned { get; }

    /// <summary>Whether the abandoned work was still running when the next attempt was due, so there is none.</summary>
    public bool OverlapRefused { get; }

    /// <summary>This outcome, marked as ending the retries because its abandoned work still runs.</summary>
    public AttemptResult RefuseOverlap() => new(Result, Exception, Abandoned, overlapRefused: true);

    public ToolResult Result { get; }

    public Exception? Exception { get; }

    public TimeSpan? RetryAfter => Exception is null ? null : ToolErrorClassifier.GetRetryAfter(Exception);

    /// <summary>Whether another attempt can help: see <see cref="IsRetryable(ToolResult, int)"/> and <see cref="OverlapRefused"/>.</summary>
    /// <param name="failedAttemptIndex">0 for the first attempt.</param>
    public bool IsRetryable(int failedAttemptIndex) => !OverlapRefused && IsRetryable(Result, failedAttemptIndex);

    /// <summary>
    /// Whether another attempt can help: only tool failures (exceptions, timeouts) are retried, never the tool set's
    /// own answers (unknown tool, bad arguments) nor cancellation. Unknown failures get one retry.
    /// </summary>
    /// <param name="result">The failed attempt's result.</param>
    /// <param name="failedAttemptIndex">0 for the first attempt.</param>
    public static bool IsRetryable(ToolResult result, int failedAttemptIndex)
    {
        if (result.ErrorKind is not (ToolErrorKind.ExecutionError or ToolErrorKind.Timeout))
        {
            return false;
        }

        return result.Category == ToolErrorCategory.Transient
            || (result.Category == ToolErrorCategory.Unknown && failedAttemptIndex == 0);
    }
}
