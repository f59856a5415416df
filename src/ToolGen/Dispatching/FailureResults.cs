using System;
using System.Collections.Generic;
using System.Globalization;

namespace ToolGen.Dispatching;

/// <summary>The failed results the dispatcher itself writes, with messages meant for the model.</summary>
internal static class FailureResults
{
    internal const string GenericExecutionMessage = "The tool failed with an internal error.";

    public static ToolResult NotFound(ToolCall call, IEnumerable<string> knownNames) =>
        ToolResult.Failure(
            call,
            ToolErrorKind.FunctionNotFound,
            ToolErrorCategory.Permanent,
            ToolNameSuggester.FunctionNotFoundMessage(call.Name, knownNames));

    // Transient: the call itself was fine, it was interrupted; the model may ask for it again. Never retried here.
    public static ToolResult Canceled(ToolCall call) =>
        ToolResult.Failure(
            call,
            ToolErrorKind.Canceled,
            ToolErrorCategory.Transient,
            "The call was canceled before the tool finished.");

    public static ToolResult Timeout(ToolCall call, TimeSpan timeout) =>
        ToolResult.Failure(
            call,
            ToolErrorKind.Timeout,
            ToolErrorCategory.Transient,
            $"The tool '{call.Name}' did not finish within {Describe(timeout)}.");

    public static ToolResult DeadlinePassed(ToolCall call, TimeSpan deadline) =>
        ToolResult.Failure(
            call,
            ToolErrorKind.Timeout,
            ToolErrorCategory.Transient,
            $"The tool '{call.Name}' did not finish within its deadline of {Describe(deadline)}, attempts and retries included.");

    public static ToolResult Execution(ToolCall call, Exception exception, ToolErrorCategory category, bool includeMessage)
    {
        // ToolException messages are written for the model; other messages may leak internals, hence the switch.
        Exception failure = ExceptionText.Unwrap(exception);
        string? message = failure is ToolException || includeMessage ? ExceptionText.Message(failure) : null;
        if (string.IsNullOrWhiteSpace(message))
        {
            message = GenericExecutionMessage;
        }

        return ToolResult.Failure(call, ToolErrorKind.ExecutionError, category, ExceptionText.Bound(message));
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 && timeout.Milliseconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMilliseconds:0.###} ms");
}
