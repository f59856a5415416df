namespace ToolGen.Dispatching;

/// <summary>
/// Whether a tool's failed call may be repeated, and what its result must tell the model when it is not. A tool is
/// assumed to have side effects until its annotations say otherwise, so by default only read-only and idempotent
/// tools are retried: a failed attempt of any other tool may have taken effect.
/// </summary>
internal static class RepeatSafety
{
    internal const string TimeoutNote =
        " It may still complete, or may already have completed: check whether it took effect before calling it again.";

    internal const string RepeatNote =
        " It may have taken effect before failing, and calling it again may repeat that effect: check before retrying.";

    /// <summary>
    /// The attempts a tool gets: its explicit <see cref="ToolAttribute.MaxAttempts"/>; else the dispatcher's
    /// <see cref="ToolDispatcherOptions.MaxAttempts"/> when repeating it is safe (or the user asked to retry every
    /// tool); else one.
    /// </summary>
    public static int MaxAttempts(ToolDefinition definition, ToolDispatcherOptions options)
    {
        if (definition.MaxAttempts != 0)
        {
            return definition.MaxAttempts;
        }

        return definition.Annotations.Idempotent || options.RetryNonIdempotentTools ? options.MaxAttempts : 1;
    }

    /// <summary>
    /// The final result of a call of a tool that is not idempotent: a timeout or a non-permanent failure may have
    /// taken effect, so the model is told to check before calling again, and a timeout's category is Unknown (not
    /// Transient, which would invite a blind retry). Other results, and every result of an idempotent tool, pass.
    /// </summary>
    public static ToolResult Explain(ToolEntry entry, ToolCall call, ToolResult result)
    {
        if (entry.Idempotent)
        {
            return result;
        }

        return result.ErrorKind switch
        {
            ToolErrorKind.Timeout => ToolResult.Failure(call, ToolErrorKind.Timeout, ToolErrorCategory.Unknown, result.ErrorMessage + TimeoutNote),
            ToolErrorKind.ExecutionError when result.Category != ToolErrorCategory.Permanent =>
                ToolResult.Failure(call, ToolErrorKind.ExecutionError, result.Category, result.ErrorMessage + RepeatNote),
            _ => result,
        };
    }
}
