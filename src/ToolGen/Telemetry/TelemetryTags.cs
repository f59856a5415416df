namespace ToolGen.Telemetry;

/// <summary>
/// Attribute names of spans, events, metrics and log scopes: the OpenTelemetry GenAI semantic conventions' where they
/// define one, ToolGen's own under <c>toolgen.</c> otherwise. One place, so that features reporting later (approval)
/// use the same names.
/// </summary>
internal static class TelemetryTags
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ExecuteTool = "execute_tool";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ToolDescription = "gen_ai.tool.description";
    public const string ToolType = "gen_ai.tool.type";
    public const string Function = "function";
    public const string ToolCallArguments = "gen_ai.tool.call.arguments";
    public const string ToolCallResult = "gen_ai.tool.call.result";
    public const string ErrorType = "error.type";

    /// <summary>Metric value of <see cref="ToolName"/> for a name no tool declares: the model's text is unbounded.</summary>
    public const string OtherToolName = "_OTHER";

    public const string Attempts = "toolgen.attempts";
    public const string Category = "toolgen.category";
    public const string TimedOut = "toolgen.timed_out";

    /// <summary>Whether the approver let a call that needed approval run (true) or refused it (false).</summary>
    public const string Approved = "toolgen.approved";

    /// <summary>The event recorded on the span for each failed attempt that is retried.</summary>
    public const string RetryEvent = "toolgen.retry";
    public const string Attempt = "toolgen.attempt";
    public const string RetryDelay = "toolgen.retry.delay";
}
