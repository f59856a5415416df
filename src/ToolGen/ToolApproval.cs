using System;

namespace ToolGen;

/// <summary>
/// An approver's decision about one call: run it, or deny it with an optional reason that the model is told.
/// </summary>
public readonly struct ToolApproval
{
    private ToolApproval(bool approved, string? reason)
    {
        IsApproved = approved;
        Reason = reason;
    }

    /// <summary>Whether the call may run. The default value of this struct denies.</summary>
    public bool IsApproved { get; }

    /// <summary>Why the call was denied, written for the model (for example "refunds over 100 need a manager").</summary>
    public string? Reason { get; }

    /// <summary>The call may run.</summary>
    public static ToolApproval Approve() => new(approved: true, reason: null);

    /// <summary>The call must not run; <paramref name="reason"/>, when given, is sent to the model.</summary>
    public static ToolApproval Deny(string? reason = null) => new(approved: false, reason);
}

/// <summary>What an approver (<see cref="ToolDispatcherOptions.Approver"/>) is asked about: one call of a tool with
/// <see cref="ToolAttribute.RequiresApproval"/>, before it runs.</summary>
public sealed class ToolApprovalRequest
{
    internal ToolApprovalRequest(ToolCall call, ToolDefinition tool, System.Text.Json.JsonElement arguments)
    {
        Call = call;
        Tool = tool;
        Arguments = arguments;
    }

    /// <summary>The call as the model sent it.</summary>
    public ToolCall Call { get; }

    /// <summary>The definition of the tool it calls.</summary>
    public ToolDefinition Tool { get; }

    /// <summary>
    /// The call's arguments, parsed (an object for a well-formed call; empty arguments read as <c>{}</c>). They are
    /// well-formed JSON but not yet checked against the schema: a call approved here can still fail with
    /// <c>invalid_arguments</c>, and the tool never runs with arguments other than these.
    /// </summary>
    public System.Text.Json.JsonElement Arguments { get; }
}
