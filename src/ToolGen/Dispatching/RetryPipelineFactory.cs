using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using ToolGen.Telemetry;

namespace ToolGen.Dispatching;

/// <summary>
/// Builds the built-in retry on Polly: exponential backoff from the base delay, capped, optionally jittered, with a
/// Retry-After carried by the failure taking the place of the computed delay. All waiting goes through the
/// dispatcher's <see cref="TimeProvider"/>.
/// </summary>
internal static class RetryPipelineFactory
{
    public static ResiliencePipeline<AttemptResult>? Create(
        int maxAttempts,
        TimeSpan baseDelay,
        TimeSpan maxDelay,
        bool useJitter,
        TimeProvider time)
    {
        if (maxAttempts <= 1)
        {
            return null; // nothing to retry: no pipeline at all
        }

        var options = new RetryStrategyOptions<AttemptResult>
        {
            MaxRetryAttempts = maxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential, // Delay * 2^retryIndex, i.e. BaseDelay * 2^(attempt-1)
            Delay = baseDelay,
            MaxDelay = maxDelay,
            UseJitter = useJitter,
            ShouldHandle = static args => new ValueTask<bool>(
                args.Outcome.Exception is null && AttemptResult.IsRetryable(args.Outcome.Result.Result, args.AttemptNumber)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(
                args.Outcome.Result.RetryAfter is { } retryAfter ? Min(retryAfter, maxDelay) : null),
            OnRetry = static args =>
            {
                // TELEMETRY: the observed call's reporter (Telemetry/RetryReporter.cs); AttemptNumber is 0-based.
                if (args.Context.Properties.TryGetValue(RetryReporter.Key, out RetryReporter? reporter))
                {
                    reporter.Report(args.Outcome.Result.Result, args.AttemptNumber + 1, args.RetryDelay);
                }

                return default;
            },
        };

        return new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }.AddRetry(options).Build();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
