using System.Diagnostics.Metrics;

namespace ToolGen.Telemetry;

/// <summary>The instruments of one <c>ToolGen</c> meter (see the README's Observability table).</summary>
internal sealed class ToolMetrics
{
    private ToolMetrics(Meter meter)
    {
        CallDuration = meter.CreateHistogram<double>(
            ToolGenTelemetry.CallDurationName,
            "s",
            "Duration of tool calls, from the dispatcher receiving the call to its result, retries and backoff included.");
        Attempts = meter.CreateCounter<long>(
            ToolGenTelemetry.AttemptsName,
            "{attempt}",
            "Attempts of tool calls: every run of a tool, retries included.");
        Retries = meter.CreateCounter<long>(
            ToolGenTelemetry.RetriesName,
            "{retry}",
            "Failed attempts of tool calls that were retried.");
        Timeouts = meter.CreateCounter<long>(
            ToolGenTelemetry.TimeoutsName,
            "{timeout}",
            "Attempts of tool calls that were abandoned at their timeout.");
    }

    /// <summary>The process-wide meter of dispatchers created without an <see cref="IMeterFactory"/>.</summary>
    public static ToolMetrics Shared { get; } = new(new Meter(ToolGenTelemetry.MeterName, ToolGenTelemetry.Version));

    public Histogram<double> CallDuration { get; }

    public Counter<long> Attempts { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Timeouts { get; }

    /// <summary>Whether any instrument has a listener (a few field reads: checked on every call).</summary>
    public bool Enabled => CallDuration.Enabled || Attempts.Enabled || Retries.Enabled || Timeouts.Enabled;

    public static ToolMetrics Create(IMeterFactory? factory) => factory is null
        ? Shared
        : new ToolMetrics(factory.Create(new MeterOptions(ToolGenTelemetry.MeterName) { Version = ToolGenTelemetry.Version }));
}
