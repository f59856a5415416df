using System;
using System.Collections.Generic;
using System.Threading;
using Polly;

namespace ToolGen;

/// <summary>
/// How a <see cref="ToolDispatcher"/> runs calls: timeouts, retries, concurrency and error reporting. The dispatcher
/// copies the values when it is constructed; changing the options afterwards does not affect it.
/// </summary>
public sealed partial class ToolDispatcherOptions
{
    /// <summary>The default for <see cref="MaxConcurrency"/>: 16 calls of one batch at a time.</summary>
    /// <remarks>
    /// Models rarely ask for more than a handful of parallel calls per turn, so 16 never slows a normal turn, while a
    /// runaway batch (hundreds of calls) cannot flood a rate-limited backend or the thread pool with blocking tools.
    /// </remarks>
    public const int DefaultMaxConcurrency = 16;

    /// <summary>
    /// How long one attempt may run before it is abandoned and reported as a timeout (30 s). Use
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no timeout. <see cref="ToolAttribute.TimeoutMilliseconds"/> overrides it
    /// per tool.
    /// </summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most attempts for a transient failure, the first included (3). Unknown failures get at most 2, permanent ones 1.
    /// <see cref="ToolAttribute.MaxAttempts"/> overrides it per tool.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry (1 s); retry <c>n</c> waits <c>BaseDelay * 2^(n-1)</c>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (30 s), Retry-After included.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised so that many failing calls do not retry in lockstep (true).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Most calls of one <see cref="ToolDispatcher.DispatchAllAsync"/> batch running at once
    /// (<see cref="DefaultMaxConcurrency"/>); <see cref="int.MaxValue"/> for no bound.
    /// </summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>
    /// Classifies exceptions thrown by tools before the built-in rules; return <see langword="null"/> (or
    /// <see cref="ToolErrorCategory.None"/>) to fall through to them. If it throws, the built-in rules decide (the
    /// dispatcher never throws for a tool failure).
    /// </summary>
    public Func<Exception, ToolErrorCategory?>? Classifier { get; set; }

    /// <summary>The clock for timeouts, backoff delays and <see cref="ToolResult.Elapsed"/> (<see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether execution errors tell the model the exception's message (true). When false, the model gets a generic
    /// message instead; <see cref="ToolException"/> messages are always kept. Stack traces are never sent.
    /// </summary>
    public bool IncludeExceptionMessages { get; set; } = true;

    /// <summary>
    /// Decides whether a call of a tool with <see cref="ToolAttribute.RequiresApproval"/> may run, before it runs. It
    /// gets the call, the tool's definition and the parsed arguments, so a decision can depend on them (approve refunds
    /// under 100, ask a person for the rest). A call is run only after <see cref="ToolApproval.Approve"/>; a denial, an
    /// approver that throws, or one that takes longer than <see cref="ApprovalTimeout"/> gives a <c>denied</c> result.
    /// Without an approver, such calls are always denied. The token fires at the approval timeout and when the caller
    /// cancels.
    /// </summary>
    public Func<ToolApprovalRequest, CancellationToken, System.Threading.Tasks.ValueTask<ToolApproval>>? Approver { get; set; }

    /// <summary>
    /// How long <see cref="Approver"/> may take for one call before the call is denied (5 minutes: long enough for a
    /// person to answer a prompt). <see cref="Timeout.InfiniteTimeSpan"/> for no limit. The tool's own timeout starts
    /// after approval.
    /// </summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A Polly pipeline that replaces the built-in retry for every tool without an entry in
    /// <see cref="ToolPipelines"/>. See <see cref="ToolPipelines"/> for what the pipeline sees.
    /// </summary>
    public ResiliencePipeline? Pipeline { get; set; }

    /// <summary>
    /// Polly pipelines by tool name, replacing the built-in retry for those tools (and <see cref="Pipeline"/>).
    /// </summary>
    /// <remarks>
    /// The pipeline wraps the attempts: each run of its callback is one attempt, still bounded by the tool's timeout.
    /// A failed attempt reaches the pipeline as an exception: the tool's own exception, Polly's
    /// <c>TimeoutRejectedException</c> for a timeout, <see cref="OperationCanceledException"/> for caller
    /// cancellation. Failed results of the tool set (unknown tool, bad arguments) come back as results, so the pipeline
    /// does not retry them. The final exception is classified as usual; <see cref="ToolResult.Attempts"/> counts
    /// the callback runs.
    /// </remarks>
    public IDictionary<string, ResiliencePipeline> ToolPipelines { get; } = new Dictionary<string, ResiliencePipeline>(StringComparer.Ordinal);

    /// <summary>Adds a pipeline for one tool (see <see cref="ToolPipelines"/>) and returns these options.</summary>
    public ToolDispatcherOptions PipelineFor(string toolName, ResiliencePipeline pipeline)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        ArgumentNullException.ThrowIfNull(pipeline);
        ToolPipelines[toolName] = pipeline;
        return this;
    }
}
