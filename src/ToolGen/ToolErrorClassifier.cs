using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace ToolGen;

/// <summary>
/// Decides whether an exception thrown by a tool is transient, permanent or unknown. The dispatcher uses it for
/// retries; it is public so that a custom Polly pipeline can retry on the same rules.
/// </summary>
public static class ToolErrorClassifier
{
    // From the tutorial. Checked on the lower-cased message; permanent ones are checked first so that they win.
    private static readonly string[] s_permanentIndicators =
    [
        "not found", "invalid", "unauthorized", "403", "404", "missing required", "bad request", "400",
    ];

    private static readonly string[] s_transientIndicators =
    [
        "rate limit", "timeout", "connection", "503", "429", "temporarily unavailable", "retry",
    ];

    /// <summary>
    /// Classifies <paramref name="exception"/>, in order: <paramref name="classifier"/>; a <see cref="ToolException"/>'s
    /// own category; the built-in exception types; the message indicators (permanent ones win); else Unknown.
    /// </summary>
    /// <returns>Transient, Permanent or Unknown; never None.</returns>
    public static ToolErrorCategory Classify(Exception exception, Func<Exception, ToolErrorCategory?>? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Custom(classifier, exception) is { } custom)
        {
            return custom;
        }

        // Task.WhenAll-style wrappers: judge the single real failure, not the wrapper (the custom classifier sees both).
        Exception inner = Dispatching.ExceptionText.Unwrap(exception);
        if (!ReferenceEquals(inner, exception) && Custom(classifier, inner) is { } innerCustom)
        {
            return innerCustom;
        }

        if (inner is ToolException toolException)
        {
            return Defined(toolException.Category) ?? ToolErrorCategory.Unknown;
        }

        return ClassifyType(inner) ?? ClassifyMessage(Dispatching.ExceptionText.Message(inner) ?? "");
    }

    /// <summary>The wait a failing service asked for, carried by a <see cref="ToolException"/>; otherwise null.</summary>
    /// <remarks>
    /// <see cref="HttpRequestException"/> has no headers, so a Retry-After from HTTP only reaches the dispatcher when the
    /// tool rethrows it as a <see cref="ToolException"/> with <see cref="ToolException.RetryAfter"/>.
    /// </remarks>
    public static TimeSpan? GetRetryAfter(Exception exception) =>
        Dispatching.ExceptionText.Unwrap(exception) is ToolException toolException ? toolException.RetryAfter : null;

    // A classifier that throws is a bug of the host, but it must not turn one tool failure into an exception out of
    // the dispatcher: the built-in rules decide instead.
    private static ToolErrorCategory? Custom(Func<Exception, ToolErrorCategory?>? classifier, Exception exception)
    {
        if (classifier is null)
        {
            return null;
        }

        try
        {
            return Defined(classifier(exception));
        }
        catch (Exception)
        {
            return null;
        }
    }

    // A value outside the enum (a cast from an integer) would be written as "category":null or not fit the result.
    private static ToolErrorCategory? Defined(ToolErrorCategory? category) =>
        category is ToolErrorCategory.Transient or ToolErrorCategory.Permanent or ToolErrorCategory.Unknown ? category : null;

    private static ToolErrorCategory? ClassifyType(Exception exception) => exception switch
    {
        TimeoutException => ToolErrorCategory.Transient,
        HttpRequestException http => ClassifyStatus(http.StatusCode),
        // A missing file or folder will still be missing on the next attempt, unlike other I/O failures.
        FileNotFoundException or DirectoryNotFoundException => ToolErrorCategory.Permanent,
        IOException or SocketException => ToolErrorCategory.Transient,
        ArgumentException or FormatException or KeyNotFoundException or UnauthorizedAccessException
            or NotSupportedException => ToolErrorCategory.Permanent,
        // HttpClient reports its own timeout as a cancellation wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => ToolErrorCategory.Transient,
        _ => null,
    };

    private static ToolErrorCategory? ClassifyStatus(HttpStatusCode? status)
    {
        if (status is not { } code)
        {
            return ToolErrorCategory.Transient; // no response at all: DNS, connection refused, reset
        }

        int value = (int)code;
        return value switch
        {
            408 or 429 or >= 500 and <= 599 => ToolErrorCategory.Transient,
            >= 400 and <= 499 => ToolErrorCategory.Permanent,
            _ => null,
        };
    }

    private static ToolErrorCategory ClassifyMessage(string message)
    {
        if (ContainsAny(message, s_permanentIndicators))
        {
            return ToolErrorCategory.Permanent;
        }

        return ContainsAny(message, s_transientIndicators) ? ToolErrorCategory.Transient : ToolErrorCategory.Unknown;
    }

    private static bool ContainsAny(string message, string[] indicators)
    {
        foreach (string indicator in indicators)
        {
            if (message.Contains(indicator, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
