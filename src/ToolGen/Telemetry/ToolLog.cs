using System;
using Microsoft.Extensions.Logging;

namespace ToolGen.Telemetry;

/// <summary>
/// The dispatcher's log messages, written by the LoggerMessage source generator: each checks the level first and
/// formats nothing when it is off. Argument values and results only appear in the two Sensitive messages, which the
/// dispatcher writes only with <see cref="ToolDispatcherOptions.EnableSensitiveData"/>.
/// </summary>
internal static partial class ToolLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "ToolGen.ToolDispatcher";

    [LoggerMessage(1, LogLevel.Debug, "Tool call {CallId} to {ToolName} succeeded in {ElapsedMilliseconds} ms after {Attempts} attempt(s).")]
    public static partial void CallSucceeded(ILogger logger, string callId, string toolName, double elapsedMilliseconds, int attempts);

    [LoggerMessage(2, LogLevel.Debug, "Tool call {CallId} to {ToolName} failed with {ErrorType} ({Category}) in {ElapsedMilliseconds} ms after {Attempts} attempt(s).")]
    public static partial void CallFailed(ILogger logger, string callId, string toolName, string? errorType, string? category, double elapsedMilliseconds, int attempts);

    [LoggerMessage(3, LogLevel.Warning, "Tool call {CallId} to {ToolName}: attempt {Attempt} failed with {ErrorType} ({Category}); retrying in {DelayMilliseconds} ms.")]
    public static partial void Retrying(ILogger logger, string callId, string toolName, int attempt, string? errorType, string? category, double delayMilliseconds);

    [LoggerMessage(4, LogLevel.Warning, "Tool call {CallId} to {ToolName}: attempt {Attempt} failed with {ErrorType} ({Category}); the tool's pipeline retries it.")]
    public static partial void RetryingInPipeline(ILogger logger, string callId, string toolName, int attempt, string? errorType, string? category);

    [LoggerMessage(5, LogLevel.Warning, "Tool call {CallId} to {ToolName}: attempt {Attempt} reached its timeout and was abandoned.")]
    public static partial void TimedOut(ILogger logger, string callId, string toolName, int attempt);

    [LoggerMessage(6, LogLevel.Error, "Tool call {CallId} to {ToolName} threw an exception that is neither transient nor permanent.")]
    public static partial void UnknownFailure(ILogger logger, Exception exception, string callId, string toolName);

    [LoggerMessage(7, LogLevel.Debug, "Tool call {CallId} to {ToolName} arguments: {Arguments}")]
    public static partial void SensitiveArguments(ILogger logger, string callId, string toolName, string arguments);

    [LoggerMessage(8, LogLevel.Debug, "Tool call {CallId} to {ToolName} result: {Result}")]
    public static partial void SensitiveResult(ILogger logger, string callId, string toolName, string result);
}
