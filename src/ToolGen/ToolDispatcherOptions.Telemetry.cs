using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ToolGen;

// The observability settings, kept apart from the execution settings (timeouts, retries) of ToolDispatcherOptions.cs.
public sealed partial class ToolDispatcherOptions
{
    /// <summary>
    /// Where the dispatcher logs (category <c>ToolGen.ToolDispatcher</c>): Debug for every call, Warning for each retry
    /// and timeout, Error for an exception that is neither transient nor permanent. <see langword="null"/> (the
    /// default): no logging at all.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Creates the dispatcher's <c>ToolGen</c> meter (the DI container's factory, so the meter lives and dies with it).
    /// <see langword="null"/> (the default): one process-wide <c>ToolGen</c> meter shared by every dispatcher.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Whether spans and logs carry the call's arguments and the tool's result (<c>gen_ai.tool.call.arguments</c>,
    /// <c>gen_ai.tool.call.result</c>) — false by default: they may hold personal or secret data.
    /// </summary>
    public bool EnableSensitiveData { get; set; }
}
