using System;
using System.Diagnostics;
using Polly;

namespace ToolGen.Telemetry;

/// <summary>
/// Reports the retries of one observed call. The built-in retry pipeline is shared by many calls, so its
/// <c>OnRetry</c> finds the call's reporter in the Polly context under <see cref="Key"/>; custom pipelines are
/// reported by the dispatcher as each new attempt starts.
/// </summary>
internal sealed class RetryReporter
{
    public static readonly ResiliencePropertyKey<RetryReporter> Key = new("ToolGen.RetryReporter");

    private readonly ToolTelemetry _telemetry;
    private readonly Activity? _span;
    private readonly ToolCall _call;

    public RetryReporter(ToolTelemetry telemetry, Activity? span, ToolCall call)
    {
        _telemetry = telemetry;
        _span = span;
        _call = call;
    }

    /// <param name="failed">The failed attempt's result.</param>
    /// <param name="failedAttempt">Its number, 1 for the first attempt.</param>
    /// <param name="delay">The backoff before the next attempt, or null when a custom pipeline chose it.</param>
    public void Report(ToolResult failed, int failedAttempt, TimeSpan? delay) =>
        _telemetry.Retry(_span, _call, failed, failedAttempt, delay);
}
