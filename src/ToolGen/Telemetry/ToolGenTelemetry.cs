using System;
using System.Collections.Generic;

namespace ToolGen.Telemetry;

/// <summary>
/// The names under which the dispatcher reports: add <see cref="SourceName"/> to an OpenTelemetry tracer
/// (<c>AddSource("ToolGen")</c>) and <see cref="MeterName"/> to a meter provider (<c>AddMeter("ToolGen")</c>).
/// </summary>
public static class ToolGenTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the <c>execute_tool</c> spans.</summary>
    public const string SourceName = "ToolGen";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the call metrics.</summary>
    public const string MeterName = "ToolGen";

    /// <summary>The name of the call-duration histogram (seconds).</summary>
    public const string CallDurationName = "toolgen.tool.call.duration";

    /// <summary>The name of the counter of attempts (every run of a tool, retries included).</summary>
    public const string AttemptsName = "toolgen.tool.call.attempts";

    /// <summary>The name of the counter of retries (attempts after the first).</summary>
    public const string RetriesName = "toolgen.tool.call.retries";

    /// <summary>The name of the counter of attempts that hit their timeout.</summary>
    public const string TimeoutsName = "toolgen.tool.call.timeouts";

    /// <summary>The version of the source and the meter: the ToolGen assembly's (major.minor.patch).</summary>
    public static string Version { get; } = typeof(ToolGenTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// Bucket boundaries (seconds) for <see cref="CallDurationName"/>, from in-process tools (a millisecond) to calls
    /// that retried through backoff (two minutes). net8.0's System.Diagnostics cannot attach them to the instrument
    /// (that needs .NET 9's <c>InstrumentAdvice</c>), so give them to your meter provider as a view:
    /// <c>AddView(ToolGenTelemetry.CallDurationName, new ExplicitBucketHistogramConfiguration { Boundaries = [.. ToolGenTelemetry.CallDurationBuckets] })</c>.
    /// </summary>
    public static IReadOnlyList<double> CallDurationBuckets { get; } =
        Array.AsReadOnly(new[] { 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120 });
}
