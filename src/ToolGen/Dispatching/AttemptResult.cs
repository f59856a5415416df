using System;

namespace ToolGen.Dispatching;

/// <summary>
/// The outcome of one attempt: the result (a failure for exceptions, timeouts and cancellation) and the exception
/// behind it, kept for Retry-After and for custom pipelines that decide on exceptions.
/// </summary>
internal readonly struct AttemptResult
{
    public AttemptResult(ToolResult result, Exception? exception = null)
    {
        Result = result;
        Exception = exception;
    }

    public ToolResult Result { get; }

    public Exception? Exception { get; }

    public TimeSpan? RetryAfter => Exception is null ? null : ToolErrorClassifier.GetRetryAfter(Exception);

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
