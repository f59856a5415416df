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

    /// <summary>Most attempts for transient failures: 0 uses the dispatcher's default.</summary>
    public int MaxAttempts { get; set; }

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
