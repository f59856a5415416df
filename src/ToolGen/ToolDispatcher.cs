using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using ToolGen.Dispatching;
using ToolGen.Telemetry;

namespace ToolGen;

/// <summary>
/// Runs the tool calls a model asks for: finds the tool across the registered sets, enforces timeouts, classifies
/// failures, retries transient ones with backoff, and returns one <see cref="ToolResult"/> per call. It never throws
/// for anything the model or a tool does. Thread-safe; create one and reuse it.
/// </summary>
/// <remarks>
/// <para>Timeouts: each attempt gets a token that fires at the tool's timeout. An asynchronous tool that ignores it is
/// abandoned at the timeout (its work may keep running in the background). In <see cref="DispatchAllAsync"/> every
/// attempt starts on the thread pool, so even a synchronous tool that blocks is abandoned at its timeout and never
/// holds up the other calls. A single <see cref="DispatchAsync"/> runs the synchronous part of a tool on the caller's
/// thread (that is its fast path): a tool that blocks there is only judged when it returns.</para>
/// <para>Fast path: a tool that completes synchronously costs a dictionary lookup and two clock readings; no timer,
/// Polly context or task is created unless the tool is still running or has failed.</para>
/// </remarks>
public sealed class ToolDispatcher
{
    private readonly Dictionary<string, ToolEntry> _entries = new(StringComparer.Ordinal);
    private readonly ToolDefinition[] _tools;
    private readonly string[] _names;
    private readonly AttemptRunner _runner;
    private readonly ApprovalStep _approval;
    private readonly TimeProvider _time;
    private readonly int _maxConcurrency;
    private readonly ToolTelemetry _telemetry; // TELEMETRY: spans, metrics, logs (Telemetry/ToolTelemetry.cs)

    /// <summary>Creates a dispatcher with the default options.</summary>
    public ToolDispatcher(params IToolSet[] toolSets)
        : this(new ToolDispatcherOptions(), toolSets)
    {
    }

    /// <summary>Creates a dispatcher over <paramref name="toolSets"/>, whose tool names must be unique.</summary>
    /// <exception cref="ArgumentException">Two sets declare the same tool name, an option is out of range, or
    /// <see cref="ToolDispatcherOptions.ToolPipelines"/> names an unknown tool.</exception>
    public ToolDispatcher(ToolDispatcherOptions options, params IToolSet[] toolSets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(toolSets);
        Validate(options);
        _time = options.TimeProvider;
        _maxConcurrency = options.MaxConcurrency;
        _telemetry = new ToolTelemetry(options);
        _runner = new AttemptRunner(_time, options.Classifier, options.IncludeExceptionMessages) { Telemetry = _telemetry };
        _approval = new ApprovalStep(options.Approver, options.ApprovalTimeout, _time);
        HasApprover = options.Approver is not null;

        var tools = new List<ToolDefinition>();
        var owners = new Dictionary<string, IToolSet>(StringComparer.Ordinal);
        var retryPipelines = new Dictionary<int, Lazy<ResiliencePipeline<AttemptResult>?>?>();
        foreach (IToolSet set in toolSets)
        {
            ArgumentNullException.ThrowIfNull(set, nameof(toolSets));
            foreach (ToolDefinition definition in set.Tools)
            {
                if (owners.TryGetValue(definition.Name, out IToolSet? owner))
                {
                    throw new ArgumentException(
                        $"Tool name '{definition.Name}' is declared twice: by {owner.GetType().Name} and by {set.GetType().Name}.",
                        nameof(toolSets));
                }

                owners.Add(definition.Name, set);
                tools.Add(definition);
                int maxAttempts = definition.MaxAttempts == 0 ? options.MaxAttempts : definition.MaxAttempts;
                if (!retryPipelines.TryGetValue(maxAttempts, out Lazy<ResiliencePipeline<AttemptResult>?>? retry))
                {
                    // Built on the first retry: most dispatchers never retry, and building a Polly pipeline is a
                    // large share of a process's time to its first call.
                    (TimeSpan baseDelay, TimeSpan maxDelay, bool jitter, int attempts) = (options.BaseDelay, options.MaxDelay, options.UseJitter, maxAttempts);
                    TimeProvider time = _time;
                    retry = maxAttempts <= 1
                        ? null
                        : new Lazy<ResiliencePipeline<AttemptResult>?>(() => RetryPipelineFactory.Create(attempts, baseDelay, maxDelay, jitter, time));
                    retryPipelines.Add(maxAttempts, retry);
                }

                ResiliencePipeline? custom = options.ToolPipelines.TryGetValue(definition.Name, out ResiliencePipeline? own)
                    ? own
                    : options.Pipeline;
                _entries.Add(definition.Name, new ToolEntry(set, definition, TimeoutOf(definition, options), maxAttempts, retry, custom));
            }
        }

        foreach (string name in options.ToolPipelines.Keys)
        {
            if (!_entries.ContainsKey(name))
            {
                throw new ArgumentException($"ToolPipelines names '{name}', which no tool set declares.", nameof(options));
            }
        }

        _tools = [.. tools];
        _names = [.. tools.Select(static t => t.Name)];
    }

    /// <summary>Whether <see cref="ToolDispatcherOptions.Approver"/> was set: approval-required calls are decided by it.</summary>
    public bool HasApprover { get; }

    /// <summary>The definitions of all tools, set by set, in declaration order.</summary>
    public IReadOnlyList<ToolDefinition> Tools => _tools;

    /// <summary>
    /// Runs one call with timeout and retries. Every outcome, including an unknown tool, bad arguments, a tool
    /// exception, a timeout or cancellation through <paramref name="cancellationToken"/>, is a <see cref="ToolResult"/>.
    /// </summary>
    public ValueTask<ToolResult> DispatchAsync(ToolCall call, CancellationToken cancellationToken = default) =>
        Dispatch(call, offload: false, cancellationToken);

    /// <summary>A call of a batch: its attempts start on the thread pool, so a blocking tool is abandoned on time too.</summary>
    internal ValueTask<ToolResult> DispatchInBatchAsync(ToolCall call, CancellationToken cancellationToken) =>
        Dispatch(call, offload: true, cancellationToken);

    private ValueTask<ToolResult> Dispatch(ToolCall call, bool offload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        long start = _time.GetTimestamp();
        _entries.TryGetValue(call.Name, out ToolEntry? entry);
        // TELEMETRY: the call's span (null unless someone listens), current while the tool runs so its spans nest;
        // the result is reported once it is final (Elapsed included), and the caller gets its own current span back.
        Activity? span = _telemetry.StartCall(call, entry?.Definition);
        try
        {
            return _telemetry.Report(span, Dispatch(call, entry, span, start, offload, cancellationToken));
        }
        finally
        {
            ToolTelemetry.Detach(span);
        }
    }

    private ValueTask<ToolResult> Dispatch(ToolCall call, ToolEntry? entry, Activity? span, long start, bool offload, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            return new ValueTask<ToolResult>(Finish(FailureResults.NotFound(call, _names), 1, start));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<ToolResult>(Finish(FailureResults.Canceled(call), 0, start));
        }

        if (ApprovalStep.IsNeeded(entry, call))
        {
            return new ValueTask<ToolResult>(ApproveThenRunAsync(entry, call, start, span, offload, cancellationToken));
        }

        return Run(entry, call, start, span, offload, cancellationToken);
    }

    private async Task<ToolResult> ApproveThenRunAsync(ToolEntry entry, ToolCall call, long start, Activity? span, bool offload, CancellationToken cancellationToken)
    {
        ToolResult? refused = await _approval.DecideAsync(entry, call, cancellationToken).ConfigureAwait(false);
        ToolTelemetry.Approved(span, refused is null); // TELEMETRY: toolgen.approved
        if (refused is not null)
        {
            // The tool never ran: no attempt.
            return Finish(refused, 0, start);
        }

        // The tool's timeout counts from now (the attempt), not from the start of the approval; Elapsed covers both.
        ToolResult result = await Run(entry, call, _time.GetTimestamp(), span, offload, cancellationToken).ConfigureAwait(false);
        result.Elapsed = _time.GetElapsedTime(start);
        return result;
    }

    private ValueTask<ToolResult> Run(ToolEntry entry, ToolCall call, long start, Activity? span, bool offload, CancellationToken cancellationToken)
    {
        if (entry.CustomPipeline is not null)
        {
            return new ValueTask<ToolResult>(RunPipelineAsync(entry, call, start, span, offload, cancellationToken));
        }

        // The attempt's source is not armed yet: its timer and the link to the caller's token are only set up if the
        // tool does not complete synchronously, which keeps the common case free of allocations.
        CancellationTokenSource source = _runner.Pool.Rent();
        ValueTask<ToolResult> pending = AttemptRunner.Invoke(entry, call, source.Token, offload);
        if (pending.IsCompletedSuccessfully)
        {
            ToolResult result = pending.Result;
            _runner.Pool.Return(source);
            return new ValueTask<ToolResult>(Finish(result, 1, start));
        }

        return new ValueTask<ToolResult>(CompleteAsync(entry, call, pending, source, start, span, offload, cancellationToken));
    }

    /// <summary>
    /// Runs a batch of calls concurrently (at most <see cref="ToolDispatcherOptions.MaxConcurrency"/> at once) and
    /// returns one result per call, in the order of <paramref name="calls"/>. A failure, timeout or cancellation of one
    /// call never affects the others; after cancellation every call that had not finished gets a Canceled result.
    /// </summary>
    public Task<IReadOnlyList<ToolResult>> DispatchAllAsync(IEnumerable<ToolCall> calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ToolCall[] array = [.. calls];
        foreach (ToolCall call in array)
        {
            ArgumentNullException.ThrowIfNull(call, nameof(calls));
        }

        return array.Length == 0
            ? Task.FromResult<IReadOnlyList<ToolResult>>(Array.Empty<ToolResult>())
            : BatchRun.Start(this, array, _maxConcurrency, cancellationToken);
    }

    private static TimeSpan TimeoutOf(ToolDefinition definition, ToolDispatcherOptions options) => definition.TimeoutMilliseconds switch
    {
        0 => options.DefaultTimeout,
        -1 => Timeout.InfiniteTimeSpan,
        int milliseconds => TimeSpan.FromMilliseconds(milliseconds),
    };

    private static void Validate(ToolDispatcherOptions options)
    {
        if (options.DefaultTimeout <= TimeSpan.Zero && options.DefaultTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DefaultTimeout, "DefaultTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "MaxAttempts must be at least 1.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BaseDelay must not be negative nor exceed MaxDelay.");
        }

        // A timer cannot wait longer than 2^32-2 ms (about 49.7 days); longer values would only fail at the first call.
        if (options.ApprovalTimeout != Timeout.InfiniteTimeSpan
            && (options.ApprovalTimeout <= TimeSpan.Zero || options.ApprovalTimeout.TotalMilliseconds > uint.MaxValue - 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ApprovalTimeout, "ApprovalTimeout must be positive and at most 49 days, or Timeout.InfiniteTimeSpan.");
        }

        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, "MaxConcurrency must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
    }

    private async Task<ToolResult> CompleteAsync(
        ToolEntry entry,
        ToolCall call,
        ValueTask<ToolResult> pending,
        CancellationTokenSource source,
        long start,
        Activity? span,
        bool offload,
        CancellationToken cancellationToken)
    {
        AttemptResult first = await _runner.CompleteAsync(entry, call, pending, source, start, cancellationToken).ConfigureAwait(false);
        if (!entry.CanRetry || !AttemptResult.IsRetryable(first.Result, 0) || cancellationToken.IsCancellationRequested)
        {
            return Finish(first.Result, 1, start);
        }

        RetryReporter? reporter = _telemetry.ReporterFor(span, call); // TELEMETRY
        (ToolResult result, int attempts) = await RetryExecution.RunAsync(_runner, entry, call, first, offload, reporter, cancellationToken).ConfigureAwait(false);
        return Finish(result, attempts, start);
    }

    private async Task<ToolResult> RunPipelineAsync(ToolEntry entry, ToolCall call, long start, Activity? span, bool offload, CancellationToken cancellationToken)
    {
        RetryReporter? reporter = _telemetry.ReporterFor(span, call); // TELEMETRY
        (ToolResult result, int attempts) = await PipelineExecution.RunAsync(_runner, entry, call, offload, reporter, cancellationToken).ConfigureAwait(false);
        return Finish(result, attempts, start);
    }

    private ToolResult Finish(ToolResult result, int attempts, long start)
    {
        result.Attempts = attempts;
        result.Elapsed = _time.GetElapsedTime(start);
        return result;
    }
}
