using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;
using ToolGen.Telemetry;

namespace ToolGen.Dispatching;

/// <summary>
/// Runs a call through a user-supplied Polly pipeline. Each callback run is one attempt (with the tool's timeout);
/// failures are handed to the pipeline as exceptions so that ordinary Polly predicates work on them.
/// </summary>
internal sealed class PipelineExecution
{
    private readonly AttemptRunner _runner;
    private readonly ToolEntry _entry;
    private readonly ToolCall _call;

    private readonly bool _offload;
    private readonly RetryReporter? _reporter;
    private ToolResult? _lastFailure;

    private PipelineExecution(AttemptRunner runner, ToolEntry entry, ToolCall call, bool offload, RetryReporter? reporter)
    {
        _reporter = reporter;
        _runner = runner;
        _entry = entry;
        _call = call;
        _offload = offload;
    }

    private int Attempts { get; set; }

    public static async Task<(ToolResult Result, int Attempts)> RunAsync(
        AttemptRunner runner,
        ToolEntry entry,
        ToolCall call,
        bool offload,
        RetryReporter? reporter,
        CancellationToken cancellationToken)
    {
        var execution = new PipelineExecution(runner, entry, call, offload, reporter);
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            Outcome<ToolResult> outcome = await entry.CustomPipeline!
                .ExecuteOutcomeAsync(static (ctx, self) => self.AttemptAsync(ctx), context, execution)
                .ConfigureAwait(false);
            return (execution.ToResult(outcome, cancellationToken), execution.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<ToolResult>> AttemptAsync(ResilienceContext context)
    {
        // The context's token is the caller's, plus whatever the pipeline adds (a Polly timeout strategy, say).
        CancellationToken token = context.CancellationToken;
        if (token.IsCancellationRequested)
        {
            return Outcome.FromException<ToolResult>(new OperationCanceledException(token));
        }

        if (_lastFailure is not null)
        {
            // TELEMETRY: the pipeline chose to run another attempt after a failure (its delay is its own).
            _reporter?.Report(_lastFailure, Attempts, delay: null);
        }

        Attempts++;
        AttemptResult attempt = await _runner.RunAsync(_entry, _call, token, _offload).ConfigureAwait(false);
        ToolResult result = attempt.Result;
        _lastFailure = result.IsSuccess ? null : result;
        return result.ErrorKind switch
        {
            ToolErrorKind.ExecutionError => Outcome.FromException<ToolResult>(attempt.Exception!),
            ToolErrorKind.Timeout => Outcome.FromException<ToolResult>(
                new TimeoutRejectedException(result.ErrorMessage!, _entry.Timeout)),
            ToolErrorKind.Canceled => Outcome.FromException<ToolResult>(new OperationCanceledException(token)),
            _ => Outcome.FromResult(result), // success, or the tool set's own failure: not for the pipeline to retry
        };
    }

    private ToolResult ToResult(Outcome<ToolResult> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not { } exception)
        {
            return outcome.Result!;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return FailureResults.Canceled(_call);
        }

        return exception is TimeoutRejectedException rejected
            ? FailureResults.Timeout(_call, rejected.Timeout)
            : _runner.Fail(_entry, _call, exception, null, cancellationToken).Result;
    }
}
