using System;
using System.Text;

namespace ToolGen;

/// <summary>One tool call requested by a model: its id, the tool name and the raw JSON arguments.</summary>
public sealed class ToolCall
{
    private string? _argumentsJson;

    /// <summary>Creates a call from JSON text (as OpenAI sends it in <c>function.arguments</c>).</summary>
    public ToolCall(string id, string name, string argumentsJson)
    {
        ArgumentNullException.ThrowIfNull(argumentsJson);
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _argumentsJson = argumentsJson;
        ArgumentsUtf8 = Encoding.UTF8.GetBytes(argumentsJson);
    }

    /// <summary>Creates a call from UTF-8 JSON bytes, without copying them.</summary>
    public ToolCall(string id, string name, ReadOnlyMemory<byte> argumentsUtf8)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        ArgumentsUtf8 = argumentsUtf8;
    }

    /// <summary>The provider's id for the call; results are matched to calls by it.</summary>
    public string Id { get; }

    /// <summary>The tool name the model asked for (matched exactly, no case folding).</summary>
    public string Name { get; }

    /// <summary>The arguments as UTF-8 JSON. Untrusted: it may be empty, malformed or hostile.</summary>
    public ReadOnlyMemory<byte> ArgumentsUtf8 { get; }

    /// <summary>
    /// The services of the scope the call runs in (for example an MCP request's or an ASP.NET Core request's), or
    /// <see langword="null"/>. Service parameters (<see cref="FromServicesAttribute"/>, <c>[FromKeyedServices]</c>,
    /// <see cref="IServiceProvider"/>) are resolved from them for each call, and tool classes run through
    /// <see cref="PerCallToolSet{T}"/> are created from them, once per call, so scoped services such as a
    /// <c>DbContext</c> belong to this call only.
    /// </summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The arguments as text (invalid UTF-8 is replaced by U+FFFD).</summary>
    public string ArgumentsJson => _argumentsJson ??= Encoding.UTF8.GetString(ArgumentsUtf8.Span);

    /// <summary>
    /// Whether the host already obtained approval for this exact call (for example, the user answered
    /// Microsoft.Extensions.AI's approval request), so the dispatcher does not ask its approver again. Never set it
    /// from anything the model sends.
    /// </summary>
    public bool IsPreApproved { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}({ArgumentsJson}) #{Id}";
}
