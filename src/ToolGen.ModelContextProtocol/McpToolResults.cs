using System.Text.Json;
using global::ModelContextProtocol.Protocol;

namespace ToolGen.ModelContextProtocol;

/// <summary>
/// A <see cref="ToolResult"/> as a <c>tools/call</c> result. Success: the value as JSON text in <c>content</c> (a string
/// result as the string itself, as the SDK's own tools send it) and, for tools with an output schema, the same value
/// in <c>structuredContent</c>. Failure: <c>isError</c> with ToolGen's message, since the spec makes tool errors results
/// the model can read, not protocol errors.
/// </summary>
internal static class McpToolResults
{
    public static CallToolResult From(ToolResult result, Tool tool, string? protocolVersion)
    {
        if (!result.IsSuccess)
        {
            return new CallToolResult
            {
                IsError = true,
                Content = [new TextContentBlock { Text = result.ErrorMessage! }],
            };
        }

        string json = result.ResultJson!;
        if (tool.OutputSchema is not { } schema)
        {
            // void, Task, ValueTask: nothing to show.
            return new CallToolResult { Content = [] };
        }

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement value = document.RootElement;
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : json;
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = OutputSchemaWire.Content(value.Clone(), schema, protocolVersion),
        };
    }
}
