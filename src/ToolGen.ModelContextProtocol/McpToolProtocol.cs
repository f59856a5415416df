using System.Text.Json;
using global::ModelContextProtocol.Protocol;

namespace ToolGen.ModelContextProtocol;

/// <summary>
/// The one place a <see cref="ToolDefinition"/> becomes the protocol's <see cref="Tool"/>: name, description, input
/// schema and output schema, parsed once from the generated UTF-8 constants.
/// </summary>
internal static class McpToolProtocol
{
    /// <summary>The tool as <c>tools/list</c> shows it to clients on protocol versions from 2026-07-28 on.</summary>
    public static Tool Natural(ToolDefinition definition) => new()
    {
        Name = definition.Name,
        Description = definition.Description.Length == 0 ? null : definition.Description,
        InputSchema = Parse(definition.InputSchemaUtf8.Span),
        OutputSchema = definition.OutputSchemaUtf8.IsEmpty ? null : Parse(definition.OutputSchemaUtf8.Span),
        Title = definition.Annotations.Title,
        Annotations = Annotations(definition.Annotations),
    };

    // All four hints are written, defaults included, as McpTools.WriteToolsList does: a client then never has to
    // know the spec's defaults to learn that a tool has side effects. The title is repeated for 2025-03-26 clients,
    // which read it from the annotations only.
    private static global::ModelContextProtocol.Protocol.ToolAnnotations Annotations(global::ToolGen.ToolAnnotations annotations) => new()
    {
        Title = annotations.Title,
        ReadOnlyHint = annotations.ReadOnly,
        IdempotentHint = annotations.Idempotent,
        DestructiveHint = annotations.Destructive,
        OpenWorldHint = annotations.OpenWorld,
    };

    /// <summary>The same tool for older clients: only the output schema differs (see <see cref="OutputSchemaWire"/>).</summary>
    public static Tool Legacy(Tool natural)
    {
        if (natural.OutputSchema is not { } schema || !NeedsLegacyShape(schema))
        {
            return natural;
        }

        return new Tool
        {
            Name = natural.Name,
            Title = natural.Title,
            Description = natural.Description,
            InputSchema = natural.InputSchema,
            OutputSchema = OutputSchemaWire.ToLegacy(schema),
            Annotations = natural.Annotations,
            Icons = natural.Icons,
            Meta = natural.Meta,
        };
    }

    private static bool NeedsLegacyShape(JsonElement schema) =>
        OutputSchemaWire.NeedsWrapping(schema) || schema.GetProperty("type").ValueKind != JsonValueKind.String;

    private static JsonElement Parse(System.ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}
