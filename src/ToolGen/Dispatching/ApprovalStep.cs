using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Serialization;

namespace ToolGen.Dispatching;

/// <summary>
/// The gate in front of a tool with <see cref="ToolDefinition.RequiresApproval"/>: asks the approver and turns
/// anything but an explicit approval (a denial, an exception, a timeout, no approver at all) into a denied result, so
/// that such a tool only ever runs after someone said yes.
/// </summary>
internal sealed class ApprovalStep
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly Func<ToolApprovalRequest, CancellationToken, ValueTask<ToolApproval>>? _approver;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public ApprovalStep(Func<ToolApprovalRequest, CancellationToken, ValueTask<ToolApproval>>? approver, TimeSpan timeout, TimeProvider time)
    {
        _approver = approver;
        _timeout = timeout;
        _time = time;
    }

    /// <summary>Whether <paramref name="call"/> must be approved before it runs.</summary>
    public static bool IsNeeded(ToolEntry entry, ToolCall call) => entry.Definition.RequiresApproval && !call.IsPreApproved;

    /// <summary>
    /// Asks for approval: <see langword="null"/> when the call may run, otherwise the result to return instead
    /// (denied; invalid arguments when there is nothing well-formed to approve; canceled when the caller canceled).
    /// </summary>
    public async Task<ToolResult?> DecideAsync(ToolEntry entry, ToolCall call, CancellationToken cancellationToken)
    {
        if (!TryParseArguments(call, out JsonDocument? arguments, out ToolResult? invalid))
        {
            return invalid;
        }

        using (arguments)
        {
            if (_approver is null)
            {
                return Denied(call, $"The tool '{call.Name}' requires approval and no approver is configured.");
            }

            using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using ITimer? timer = _timeout == Timeout.InfiniteTimeSpan
                ? null
                : _time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), source, _timeout, Timeout.InfiniteTimeSpan);
            var request = new ToolApprovalRequest(call, entry.Definition, arguments.RootElement);
            ToolApproval decision;
            try
            {
                // The approver's task is raced against the token: an approver that ignores its token is abandoned
                // at the timeout like a tool, and the call is denied on time.
                Task<ToolApproval> pending = _approver(request, source.Token).AsTask();
                decision = await pending.WaitAsync(source.Token).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return FailureResults.Canceled(call);
            }
            catch (Exception) when (source.IsCancellationRequested)
            {
                return Denied(call, $"The call to '{call.Name}' was not approved in time, so it did not run.");
            }
            catch (Exception)
            {
                // The approver failed: deny (never run an unapproved call) without passing its message to the model.
                return Denied(call, $"The approval check for '{call.Name}' failed, so the call did not run.");
            }

            if (decision.IsApproved)
            {
                return null;
            }

            return Denied(
                call,
                string.IsNullOrWhiteSpace(decision.Reason)
                    ? $"The call to '{call.Name}' was denied, so it did not run."
                    : $"The call to '{call.Name}' was denied, so it did not run: {decision.Reason}");
        }
    }

    private static ToolResult Denied(ToolCall call, string message) =>
        ToolResult.Failure(call, ToolErrorKind.Denied, ToolErrorCategory.Permanent, message);

    private static bool TryParseArguments(ToolCall call, out JsonDocument arguments, out ToolResult? invalid)
    {
        arguments = null!;
        invalid = null;
        ReadOnlyMemory<byte> json = call.ArgumentsUtf8;
        if (json.Length > ToolArgumentLimits.MaxBytes)
        {
            invalid = ToolResult.Failure(
                call,
                ToolErrorKind.InvalidArguments,
                ToolErrorCategory.Permanent,
                $"Arguments are too large: {json.Length} bytes; the limit is {ToolArgumentLimits.MaxBytes} bytes.");
            return false;
        }

        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            json = EmptyObject;
        }

        try
        {
            arguments = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ToolArgumentLimits.MaxDepth });
        }
        catch (JsonException exception)
        {
            invalid = ToolArgumentErrors.ToResult(call, exception);
            return false;
        }

        if (arguments.RootElement.ValueKind != JsonValueKind.Object)
        {
            arguments.Dispose();
            invalid = ToolResult.Failure(
                call,
                ToolErrorKind.InvalidArguments,
                ToolErrorCategory.Permanent,
                "Arguments must be a JSON object with the tool's parameters as properties.");
            return false;
        }

        return true;
    }
}
