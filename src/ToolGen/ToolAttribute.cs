using System;

namespace ToolGen;

/// <summary>
/// Marks a method of a <c>partial</c> class as a tool a language model can call. The ToolGen source generator emits its
/// JSON Schema definition, a reflection-free argument parser and a switch-based dispatcher entry for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ToolAttribute : Attribute
{
    /// <summary>Declares a tool named after the method: snake_case, without a trailing <c>Async</c>.</summary>
    public ToolAttribute()
    {
    }

    /// <summary>Declares a tool with an explicit name (<c>^[a-zA-Z0-9_-]{1,64}$</c>).</summary>
    public ToolAttribute(string name) => Name = name;

    /// <summary>The tool name sent to the model; <see langword="null"/> for the default name.</summary>
    public string? Name { get; }

    /// <summary>What the tool does, for the model. Falls back to <c>[Description]</c>, then to the XML doc summary.</summary>
    public string? Description { get; set; }

    /// <summary>Per-call timeout in milliseconds: 0 uses the dispatcher's default, -1 means no timeout.</summary>
    public int TimeoutMilliseconds { get; set; }

    /// <summary>
    /// Most attempts for transient failures: 0 uses the dispatcher's default. Setting it explicitly allows retries of a
    /// tool that is neither <see cref="ReadOnly"/> nor <see cref="Idempotent"/> (by default such a tool gets one attempt).
    /// </summary>
    public int MaxAttempts { get; set; }

    /// <summary>The tool does not modify its environment (MCP <c>readOnlyHint</c>); implies idempotent and not destructive.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Calling the tool again with the same arguments has no additional effect (MCP <c>idempotentHint</c>).</summary>
    public bool Idempotent { get; set; }

    /// <summary>The tool may destroy or overwrite data (MCP <c>destructiveHint</c>); true unless set to false.</summary>
    public bool Destructive { get; set; } = true;

    /// <summary>The tool reaches an open world of external entities (MCP <c>openWorldHint</c>); true unless set to false.</summary>
    public bool OpenWorld { get; set; } = true;

    /// <summary>A human-readable title for user interfaces (MCP <c>title</c>).</summary>
    public string? Title { get; set; }

    /// <summary>
    /// Run the tool on the caller's thread instead of a tool thread of the dispatcher (false). Saves the thread
    /// hand-off (a few microseconds) for a tool that never blocks, and gives up the timeout guarantee: a call that
    /// blocks holds the caller until the tool returns, whatever its timeout.
    /// </summary>
    public bool RunInline { get; set; }

    /// <summary>
    /// Most milliseconds for the whole call, all attempts and backoff delays included: 0 uses the dispatcher's
    /// <see cref="ToolDispatcherOptions.DefaultDeadline"/> (none by default), -1 means no deadline.
    /// </summary>
    public int DeadlineMilliseconds { get; set; }

    /// <summary>
    /// Most calls of this tool running at once within one <see cref="ToolDispatcher.DispatchAllAsync"/> batch, started
    /// in call order (0: no limit of its own). <c>1</c> runs them one at a time, in order, while other tools' calls run
    /// in parallel.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>Ask providers to constrain the model's arguments to the schema (OpenAI/Anthropic strict mode).</summary>
    public bool Strict { get; set; }

    /// <summary>
    /// Lenient (numbers and booleans in strings, enum names in any case, null for an optional value, the arguments
    /// encoded as a string) or exact reading of the model's arguments; <see cref="ArgumentReading.Default"/> takes the
    /// assembly's <see cref="ToolDefaultsAttribute"/>, else lenient. Strict tools always read exactly.
    /// </summary>
    public ArgumentReading ArgumentReading { get; set; }

    /// <summary>
    /// Whether each call must be approved before the tool runs: by <see cref="ToolDispatcherOptions.Approver"/>, or,
    /// through Microsoft.Extensions.AI, by the user answering an approval request. Without an approver the call is denied.
    /// </summary>
    public bool RequiresApproval { get; set; }
}
