using System;
using Polly;

namespace ToolGen.Dispatching;

/// <summary>One tool as the dispatcher runs it: its set, and its settings with the per-tool overrides applied.</summary>
internal sealed class ToolEntry
{
    public ToolEntry(
        IToolSet set,
        ToolDefinition definition,
        TimeSpan timeout,
        int maxAttempts,
        Lazy<ResiliencePipeline<AttemptResult>?>? retryPipeline,
        ResiliencePipeline? customPipeline)
    {
        Set = set;
        Definition = definition;
        Timeout = timeout;
        MaxAttempts = maxAttempts;
        _retryPipeline = retryPipeline;
        CustomPipeline = customPipeline;
    }

    private readonly Lazy<ResiliencePipeline<AttemptResult>?>? _retryPipeline;

    public IToolSet Set { get; }

    public ToolDefinition Definition { get; }

    /// <summary>The per-attempt timeout; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Timeout { get; }

    public int MaxAttempts { get; }

    /// <summary>Whether repeating a call has no additional effect (read-only or idempotent).</summary>
    public bool Idempotent => Definition.Annotations.Idempotent;

    /// <summary>Whether the tool may be retried (more than one attempt).</summary>
    public bool CanRetry => _retryPipeline is not null;

    /// <summary>The built-in retry (built on first use), or null when the tool has a single attempt.</summary>
    public ResiliencePipeline<AttemptResult>? RetryPipeline => _retryPipeline?.Value;

    /// <summary>The user's pipeline, replacing <see cref="RetryPipeline"/> when set.</summary>
    public ResiliencePipeline? CustomPipeline { get; }
}
