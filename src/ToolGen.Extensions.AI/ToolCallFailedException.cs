using System;

namespace ToolGen.Extensions.AI;

/// <summary>
/// Marks a failed ToolGen result in <see cref="Microsoft.Extensions.AI.FunctionResultContent.Exception"/>, so that
/// <see cref="ToolGenFunctionInvokingChatClient"/> counts it as a function error for
/// <c>MaximumConsecutiveErrorsPerRequest</c>. It is never thrown by the dispatcher; the base client throws it to the
/// caller only when the consecutive-error limit is exceeded. The model is sent the result's JSON envelope, not this.
/// </summary>
public sealed class ToolCallFailedException : Exception
{
    /// <summary>Wraps a failed result.</summary>
    public ToolCallFailedException(ToolResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).ErrorMessage)
    {
        Result = result;
    }

    /// <summary>The failed result (error kind, category, message).</summary>
    public ToolResult Result { get; }
}
