using System;
using System.Text;

namespace ToolGen;

/// <summary>
/// What a model is told about one tool: its name, description and JSON Schema (draft 2020-12) for the arguments.
/// Instances are built once by generated code; the schema text is decoded from UTF-8 on first use.
/// </summary>
public sealed class ToolDefinition
{
    private string? _inputSchema;
    private string? _strictInputSchema;

    /// <summary>Creates a definition. Generated code calls this with UTF-8 schema constants.</summary>
    public ToolDefinition(
        string name,
        string description,
        ReadOnlyMemory<byte> inputSchemaUtf8,
        ReadOnlyMemory<byte> strictInputSchemaUtf8,
        int timeoutMilliseconds = 0,
        int maxAttempts = 0,
        bool strict = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(description);
        if (inputSchemaUtf8.IsEmpty)
        {
            throw new ArgumentException("The input schema must not be empty.", nameof(inputSchemaUtf8));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMilliseconds, -1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAttempts);
        Name = name;
        Description = description;
        InputSchemaUtf8 = inputSchemaUtf8;
        StrictInputSchemaUtf8 = strictInputSchemaUtf8.IsEmpty ? inputSchemaUtf8 : strictInputSchemaUtf8;
        TimeoutMilliseconds = timeoutMilliseconds;
        MaxAttempts = maxAttempts;
        Strict = strict;
    }

    /// <summary>
    /// Creates a definition from schema text. Generated code uses this one: string literals compile much faster than
    /// UTF-8 literals, and the UTF-8 bytes are made once, here.
    /// </summary>
    public ToolDefinition(
        string name,
        string description,
        string inputSchema,
        string strictInputSchema,
        int timeoutMilliseconds = 0,
        int maxAttempts = 0,
        bool strict = false)
        : this(name, description, Utf8(inputSchema, nameof(inputSchema)), Utf8(strictInputSchema, nameof(strictInputSchema)), timeoutMilliseconds, maxAttempts, strict)
    {
        _inputSchema = inputSchema;
        _strictInputSchema = string.IsNullOrEmpty(strictInputSchema) ? inputSchema : strictInputSchema;
    }

    /// <summary>The tool name the model calls.</summary>
    public string Name { get; }

    /// <summary>What the tool does, for the model (may be empty).</summary>
    public string Description { get; }

    /// <summary>The JSON Schema of the arguments object, as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> InputSchemaUtf8 { get; }

    /// <summary>The JSON Schema of the arguments object, as JSON text.</summary>
    public string InputSchema => _inputSchema ??= Encoding.UTF8.GetString(InputSchemaUtf8.Span);

    /// <summary>
    /// The schema for OpenAI/Anthropic strict mode, as UTF-8 JSON: every property required (optional ones nullable),
    /// <c>additionalProperties: false</c> on every object, keywords strict mode rejects removed.
    /// </summary>
    public ReadOnlyMemory<byte> StrictInputSchemaUtf8 { get; }

    /// <summary>The strict-mode schema as JSON text (see <see cref="StrictInputSchemaUtf8"/>).</summary>
    public string StrictInputSchema => _strictInputSchema ??= Encoding.UTF8.GetString(StrictInputSchemaUtf8.Span);

    /// <summary>Per-call timeout from <see cref="ToolAttribute.TimeoutMilliseconds"/>: 0 default, -1 none.</summary>
    public int TimeoutMilliseconds { get; }

    /// <summary>Most attempts from <see cref="ToolAttribute.MaxAttempts"/>: 0 for the dispatcher's default.</summary>
    public int MaxAttempts { get; }

    /// <summary>Whether the tool asks providers for strict mode (see <see cref="ToolAttribute.Strict"/>).</summary>
    public bool Strict { get; }

    /// <summary>
    /// Whether each call must be approved before the tool runs (see <see cref="ToolAttribute.RequiresApproval"/>).
    /// Generated code sets it with an object initializer.
    /// </summary>
    public bool RequiresApproval { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static ReadOnlyMemory<byte> Utf8(string schema, string parameter)
    {
        ArgumentNullException.ThrowIfNull(schema, parameter);
        return Encoding.UTF8.GetBytes(schema);
    }
}
