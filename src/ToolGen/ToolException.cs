using System;

namespace ToolGen;

/// <summary>
/// An exception a tool throws to tell the model what went wrong in its own words and whether retrying can help.
/// Its message is always sent to the model, even when <see cref="ToolDispatcherOptions.IncludeExceptionMessages"/> is
/// off, so write it for the model and keep secrets out of it.
/// </summary>
public class ToolException : Exception
{
    /// <summary>Creates an exception with a message for the model and a category that decides retries.</summary>
    /// <param name="message">What the model is told.</param>
    /// <param name="category">Transient (retried with backoff), Permanent (fails fast) or Unknown (retried once).</param>
    /// <param name="retryAfter">How long to wait before the next attempt (e.g. from a <c>Retry-After</c> header).</param>
    /// <param name="innerException">The underlying failure, kept for logging; never sent to the model.</param>
    public ToolException(
        string message,
        ToolErrorCategory category = ToolErrorCategory.Permanent,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        if (category == ToolErrorCategory.None)
        {
            throw new ArgumentException("A tool failure needs a category other than None.", nameof(category));
        }

        if (retryAfter is { } wait && wait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), wait, "Retry-After cannot be negative.");
        }

        Category = category;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether retrying can help. Never <see cref="ToolErrorCategory.None"/>.</summary>
    public ToolErrorCategory Category { get; }

    /// <summary>
    /// The wait the failing service asked for before the next attempt, used instead of the exponential backoff
    /// (still capped by <see cref="ToolDispatcherOptions.MaxDelay"/>); <see langword="null"/> when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
