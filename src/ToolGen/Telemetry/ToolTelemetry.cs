using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ToolGen.Telemetry;

/// <summary>
/// One dispatcher's spans, metrics and logs. The dispatcher calls it at three points: a call starts
/// (<see cref="StartCall"/>), a failed attempt is retried (<see cref="RetryReporter"/>), a call has its result
/// (<see cref="Report"/>). With no listener, no meter listener and no logger each is a few field reads and
/// allocates nothing. A listener or logger that throws is ignored: telemetry never changes a call's outcome.
/// </summary>
internal sealed class ToolTelemetry
{
    /// <summary>The process-wide source of the <c>execute_tool</c> spans.</summary>
    internal static readonly ActivitySource Source = new(ToolGenTelemetry.SourceName, ToolGenTelemetry.Version);

    private const string SpanNamePrefix = "execute_tool ";
    private static readonly object s_true = true;
    private static readonly object s_false = false;
    private static readonly object[] s_smallInts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    private readonly ToolMetrics _metrics;
    private readonly ILogger? _logger;
    private readonly bool _sensitive;

    public ToolTelemetry(ToolDispatcherOptions options)
    {
        _metrics = ToolMetrics.Create(options.MeterFactory);
        _logger = options.LoggerFactory?.CreateLogger(ToolLog.Category);
        _sensitive = options.EnableSensitiveData;
    }

    /// <summary>Whether a call must be followed at all (a span, a metric listener or a logger).</summary>
    private bool Observed(Activity? span) => span is not null || _logger is not null || _metrics.Enabled;

    /// <summary>
    /// Starts the call's <c>execute_tool</c> span and makes it current, so the tool's own spans nest under it. When
    /// the current span is already the <c>execute_tool</c> span of this call id (Microsoft.Extensions.AI's function
    /// invocation made it), returns that one to enrich instead of nesting a duplicate. Null when nobody listens to the
    /// <c>ToolGen</c> source or the sampler dropped the span.
    /// </summary>
    public Activity? StartCall(ToolCall call, ToolDefinition? definition) =>
        Source.HasListeners() ? StartSpan(call, definition) : null;

    /// <summary>
    /// Undoes <see cref="StartCall"/>'s change of <see cref="Activity.Current"/> for the dispatcher's caller, whose
    /// context must not keep the span once the call went asynchronous (the async part keeps its own context).
    /// </summary>
    public static void Detach(Activity? span)
    {
        if (span is not null && ReferenceEquals(span.Source, Source) && ReferenceEquals(Activity.Current, span))
        {
            // The setter ignores a stopped activity, which would leave the span current: fall back to none.
            Activity.Current = span.Parent is { IsStopped: false } parent ? parent : null;
        }
    }

    /// <summary>Null when nothing observes the call: retries then cost nothing either.</summary>
    public RetryReporter? ReporterFor(Activity? span, ToolCall call) =>
        Observed(span) ? new RetryReporter(this, span, call) : null;

    /// <summary>
    /// Records the call's final result once <paramref name="pending"/> has it: ends (or enriches) its span, records
    /// the metrics and logs. Unobserved calls get <paramref name="pending"/> back untouched (no wrapper, no allocation).
    /// </summary>
    public ValueTask<ToolResult> Report(Activity? span, ValueTask<ToolResult> pending)
    {
        if (!Observed(span))
        {
            return pending;
        }

        if (pending.IsCompletedSuccessfully)
        {
            ToolResult result = pending.Result;
            Finish(span, result);
            return new ValueTask<ToolResult>(result);
        }

        return new ValueTask<ToolResult>(ReportAsync(span, pending));
    }

    /// <summary>Sets <c>toolgen.approved</c> on the span of a call that needed approval.</summary>
    public static void Approved(Activity? span, bool approved)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryTags.Approved, approved ? s_true : s_false);
        }
    }

    /// <summary>An attempt threw an exception the classifier could not place: an operator should see its stack.</summary>
    public void UnknownFailure(ToolCall call, Exception exception)
    {
        if (_logger is null)
        {
            return;
        }

        try
        {
            ToolLog.UnknownFailure(_logger, exception, call.Id, call.Name);
        }
        catch (Exception)
        {
            // A throwing logging provider must not turn a tool failure into an exception out of the dispatcher.
        }
    }

    /// <summary>A failed attempt is about to be retried (after <paramref name="delay"/> when the dispatcher knows it).</summary>
    internal void Retry(Activity? span, ToolCall call, ToolResult failed, int failedAttempt, TimeSpan? delay)
    {
        try
        {
            string? errorType = failed.ErrorType;
            string? category = ToolResult.CategoryName(failed.Category);
            bool timedOut = failed.ErrorKind == ToolErrorKind.Timeout;
            var tool = new KeyValuePair<string, object?>(TelemetryTags.ToolName, MetricToolName(failed));
            _metrics.Retries.Add(1, tool, new KeyValuePair<string, object?>(TelemetryTags.ErrorType, errorType));
            if (timedOut)
            {
                _metrics.Timeouts.Add(1, tool);
            }

            if (span is { IsAllDataRequested: true })
            {
                var tags = new ActivityTagsCollection
                {
                    { TelemetryTags.Attempt, Boxed(failedAttempt) },
                    { TelemetryTags.ErrorType, errorType },
                    { TelemetryTags.Category, category },
                };
                if (delay is { } wait)
                {
                    tags.Add(TelemetryTags.RetryDelay, wait.TotalSeconds);
                }

                span.AddEvent(new ActivityEvent(TelemetryTags.RetryEvent, tags: tags));
                if (timedOut)
                {
                    span.SetTag(TelemetryTags.TimedOut, s_true);
                }
            }

            if (_logger is not null)
            {
                if (timedOut)
                {
                    ToolLog.TimedOut(_logger, call.Id, call.Name, failedAttempt);
                }

                if (delay is { } wait)
                {
                    ToolLog.Retrying(_logger, call.Id, call.Name, failedAttempt, errorType, category, wait.TotalMilliseconds);
                }
                else
                {
                    ToolLog.RetryingInPipeline(_logger, call.Id, call.Name, failedAttempt, errorType, category);
                }
            }
        }
        catch (Exception)
        {
            // Telemetry never changes a call's outcome (see the class remarks).
        }
    }

    private Activity? StartSpan(ToolCall call, ToolDefinition? definition)
    {
        Activity? previous = Activity.Current;
        try
        {
            if (previous is not null && IsSameCall(previous, call))
            {
                if (previous.IsAllDataRequested)
                {
                    Describe(previous, call, definition, enrich: true);
                }

                return previous;
            }

            Activity? span = Source.StartActivity(string.Concat(SpanNamePrefix, call.Name), ActivityKind.Internal);
            if (span is { IsAllDataRequested: true })
            {
                Describe(span, call, definition, enrich: false);
            }

            return span;
        }
        catch (Exception)
        {
            Activity.Current = previous; // a listener threw in ActivityStarted: run the call without a span
            return null;
        }
    }

    /// <summary>
    /// An outer <c>execute_tool</c> span of the same call, as Microsoft.Extensions.AI's <c>FunctionInvokingChatClient</c>
    /// starts one: same call id, or, for a call without id (the Microsoft.Extensions.AI adapter's: an
    /// <c>AIFunctionArguments</c> carries none), same tool name. ToolGen's own spans never match, so a tool that
    /// dispatches again gets a span of its own.
    /// </summary>
    private static bool IsSameCall(Activity current, ToolCall call) =>
        !ReferenceEquals(current.Source, Source)
        && current.GetTagItem(TelemetryTags.OperationName) is TelemetryTags.ExecuteTool
        && current.GetTagItem(call.Id.Length > 0 ? TelemetryTags.ToolCallId : TelemetryTags.ToolName) is string value
        && string.Equals(value, call.Id.Length > 0 ? call.Id : call.Name, StringComparison.Ordinal);

    private void Describe(Activity span, ToolCall call, ToolDefinition? definition, bool enrich)
    {
        // An enriched span keeps what its creator wrote; ToolGen only adds what is missing.
        SetTag(span, TelemetryTags.OperationName, TelemetryTags.ExecuteTool, enrich);
        SetTag(span, TelemetryTags.ToolName, call.Name, enrich);
        SetTag(span, TelemetryTags.ToolCallId, call.Id.Length > 0 ? call.Id : null, enrich);
        SetTag(span, TelemetryTags.ToolType, TelemetryTags.Function, enrich);
        SetTag(span, TelemetryTags.ToolDescription, definition?.Description, enrich);
        if (_sensitive)
        {
            SetTag(span, TelemetryTags.ToolCallArguments, call.ArgumentsJson, enrich);
        }
    }

    private static void SetTag(Activity span, string name, object? value, bool onlyIfMissing)
    {
        if (value is not null && !(onlyIfMissing && span.GetTagItem(name) is not null))
        {
            span.SetTag(name, value);
        }
    }

    private async Task<ToolResult> ReportAsync(Activity? span, ValueTask<ToolResult> pending)
    {
        ToolResult result;
        try
        {
            result = await pending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Only a host bug gets here (the dispatcher turns every tool failure into a result): end the span anyway.
            if (span is not null && ReferenceEquals(span.Source, Source))
            {
                StopQuietly(span);
            }

            throw;
        }

        Finish(span, result);
        return result;
    }

    private void Finish(Activity? span, ToolResult result)
    {
        try
        {
            Record(result);
            if (span is { IsAllDataRequested: true })
            {
                Annotate(span, result);
            }

            if (_logger is not null)
            {
                Log(_logger, result);
            }
        }
        catch (Exception)
        {
            // Telemetry never changes a call's outcome (see the class remarks).
        }
        finally
        {
            if (span is not null && ReferenceEquals(span.Source, Source))
            {
                StopQuietly(span);
            }
        }
    }

    private void Record(ToolResult result)
    {
        var tool = new KeyValuePair<string, object?>(TelemetryTags.ToolName, MetricToolName(result));
        if (_metrics.CallDuration.Enabled)
        {
            var tags = new TagList { tool };
            if (result.ErrorType is { } errorType)
            {
                tags.Add(TelemetryTags.ErrorType, errorType);
            }

            _metrics.CallDuration.Record(result.Elapsed.TotalSeconds, tags);
        }

        // An unknown name never reached a tool; a call cancelled before it started has no attempt.
        if (result.ErrorKind != ToolErrorKind.FunctionNotFound && result.Attempts > 0)
        {
            _metrics.Attempts.Add(result.Attempts, tool);
        }

        if (result.ErrorKind == ToolErrorKind.Timeout)
        {
            _metrics.Timeouts.Add(1, tool);
        }
    }

    private void Annotate(Activity span, ToolResult result)
    {
        span.SetTag(TelemetryTags.Attempts, Boxed(result.Attempts));
        if (result.ErrorKind == ToolErrorKind.Timeout)
        {
            span.SetTag(TelemetryTags.TimedOut, s_true);
        }
        else if (span.GetTagItem(TelemetryTags.TimedOut) is null)
        {
            span.SetTag(TelemetryTags.TimedOut, s_false); // an earlier attempt's timeout (a retry event) set true
        }

        if (result.IsSuccess)
        {
            if (_sensitive)
            {
                span.SetTag(TelemetryTags.ToolCallResult, result.ResultJson);
            }

            return;
        }

        span.SetTag(TelemetryTags.ErrorType, result.ErrorType);
        span.SetTag(TelemetryTags.Category, ToolResult.CategoryName(result.Category));
        // The message the model got: the dispatcher's own words or the tool's as IncludeExceptionMessages allows.
        span.SetStatus(ActivityStatusCode.Error, result.ErrorMessage);
    }

    private void Log(ILogger logger, ToolResult result)
    {
        double elapsed = result.Elapsed.TotalMilliseconds;
        if (result.IsSuccess)
        {
            ToolLog.CallSucceeded(logger, result.CallId, result.ToolName, elapsed, result.Attempts);
        }
        else
        {
            ToolLog.CallFailed(logger, result.CallId, result.ToolName, result.ErrorType, ToolResult.CategoryName(result.Category), elapsed, result.Attempts);
        }

        if (result.ErrorKind == ToolErrorKind.Timeout)
        {
            ToolLog.TimedOut(logger, result.CallId, result.ToolName, result.Attempts);
        }

        if (_sensitive && result.IsSuccess)
        {
            ToolLog.SensitiveResult(logger, result.CallId, result.ToolName, result.ResultJson!);
        }
    }

    private static void StopQuietly(Activity span)
    {
        try
        {
            span.Stop();
        }
        catch (Exception)
        {
            // A listener threw in ActivityStopped; the span is stopped all the same.
        }
    }

    // The model picks the name: only declared tools get their own metric series (bounded cardinality).
    private static string MetricToolName(ToolResult result) =>
        result.ErrorKind == ToolErrorKind.FunctionNotFound ? TelemetryTags.OtherToolName : result.ToolName;

    private static object Boxed(int value) => (uint)value < (uint)s_smallInts.Length ? s_smallInts[value] : value;
}
