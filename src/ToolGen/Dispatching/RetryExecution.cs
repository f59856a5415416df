using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using ToolGen.Telemetry;

namespace ToolGen.Dispatching;

/// <summary>
/// Drives the attempts after a retryable first failure through the tool's Polly retry pipeline. The first attempt
/// already ran on the dispatcher's fast path, so the pipeline's first callback replays its outcome instead of
/// running the tool again; Polly then owns the retry decisions and the delays.
/// </summary>
internal sealed class RetryExecution
{
    private readonly AttemptRunner _runner;
    private readonly ToolEntry _entry;
    private readonly ToolCall _call;
    private readonly AttemptResult _first;
    private readonly bool _offload;
    private bool _replayed;

    private RetryExecution(AttemptRunner runner, ToolEntry entry, ToolCall call, AttemptResult first, bool offload)
    {
        _offload = offload;
        _runner = runner;
        _entry = entry;
        _call = call;
        _first = first;
    }

    /// <summary>How many attempts ran, the replayed first one included.</summary>
    public int Attempts { get; private set; } = 1;

    public static async Task<(ToolResult Result, int Attempts)> RunAsync(
        AttemptRunner runner,
        ToolEntry entry,
        ToolCall call,
        AttemptResult first,
        bool offload,
        RetryReporter? reporter,
        CancellationToken cancellationToken)
    {
        var execution = new RetryExecution(runner, entry, call, first, offload);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (reporter is not null)
        {
            context.Properties.Set(RetryReporter.Key, reporter); // TELEMETRY: read by the pipeline's OnRetry
        }

        try
        {
            Outcome<AttemptResult> outcome = await entry.RetryPipeline!
                .ExecuteOutcomeAsync(static (ctx, self) => self.NextAsync(ctx), context, execution)
                .ConfigureAwait(false);

            // Polly reports a cancelled backoff delay as an exception outcome; attempts themselves never throw.
            ToolResult result = outcome.Exception is { } exception
                ? runner.Fail(entry, call, exception, null, cancellationToken).Result
                : outcome.Result.Result;
            return (result, execution.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<Outcome<AttemptResult>> NextAsync(ResilienceContext context)
    {
        if (!_replayed)
        {
            _replayed = true;
            return new ValueTask<Outcome<AttemptResult>>(Outcome.FromResult(_first));
        }

        if (context.CancellationToken.IsCancellationRequested)
        {
            return new ValueTask<Outcome<AttemptResult>>(Outcome.FromResult(new AttemptResult(FailureResults.Canceled(_call))));
        }

        Attempts++;
        ValueTask<AttemptResult> attempt = _runner.RunAsync(_entry, _call, context.CancellationToken, _offload);
        return attempt.IsCompletedSuccessfully
            ? new ValueTask<Outcome<AttemptResult>>(Outcome.FromResult(attempt.Result))
            : AwaitAsync(attempt);

        static async ValueTask<Outcome<AttemptResult>> AwaitAsync(ValueTask<AttemptResult> pending) =>
            Outcome.FromResult(await pending.ConfigureAwait(false));
    }
}
