using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>
/// The Anthropic Messages wire format: tools with <c>input_schema</c>, <c>tool_use</c> content blocks, and the single
/// user message of <c>tool_result</c> blocks that answers all the calls of a turn.
/// </summary>
public static class AnthropicMessages
{
    private const string Format = "Anthropic Messages";

    /// <summary>
    /// The value of the request's <c>tools</c> property: <c>[{"name","description","input_schema"}]</c>. Strict tools
    /// add <c>"strict":true</c> and use their strict schema.
    /// </summary>
    public static string WriteTools(IEnumerable<ToolDefinition> tools) => ProviderJson.Write(tools, WriteTools);

    /// <summary>Writes the <c>tools</c> array into a request being written.</summary>
    public static void WriteTools(Utf8JsonWriter writer, IEnumerable<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (ToolDefinition tool in ProviderJson.NotNull(tools, nameof(tools)))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tool.Name);
            ProviderJson.WriteDescription(writer, tool);
            ProviderJson.WriteSchema(writer, "input_schema", tool, useStrictVariant: true);
            if (tool.Strict)
            {
                writer.WriteBoolean("strict"u8, true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads the <c>tool_use</c> blocks of a response message (its <c>content</c>) or of a bare content array; other
    /// blocks (text, thinking) are skipped. The call's arguments are the bytes of the <c>input</c> object.
    /// </summary>
    /// <exception cref="ProviderFormatException">The JSON is malformed, a block lacks its id or name, or its input is
    /// not an object.</exception>
    public static IReadOnlyList<ToolCall> ReadToolCalls(string json) => ReadToolCalls(ProviderJson.Utf8(json));

    /// <inheritdoc cref="ReadToolCalls(string)"/>
    public static IReadOnlyList<ToolCall> ReadToolCalls(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument document = ProviderJson.Parse(utf8Json, Format);
        JsonElement root = document.RootElement;
        bool bare = root.ValueKind == JsonValueKind.Array;
        JsonElement blocks = bare ? root : ProviderJson.RequiredArray(root, "content", Format, "message");
        var calls = new List<ToolCall>();
        int index = 0;
        foreach (JsonElement block in blocks.EnumerateArray())
        {
            string path = bare ? $"[{index++}]" : $"content[{index++}]";
            if (!ProviderJson.TryGet(block, "type", out JsonElement type) || !ProviderJson.IsString(type, "tool_use"u8))
            {
                continue;
            }

            calls.Add(new ToolCall(
                ProviderJson.RequiredString(block, "id", Format, path),
                ProviderJson.RequiredString(block, "name", Format, path),
                ProviderJson.ObjectArguments(block, "input", Format, path)));
        }

        return calls;
    }

    /// <summary>
    /// The ONE user message answering every call of the turn, results in order and before any text:
    /// <c>{"role":"user","content":[{"type":"tool_result","tool_use_id":…,"content":…,"is_error":…}]}</c>, with
    /// <see cref="ToolResult.Content"/> as content and <c>is_error</c> true for failures.
    /// </summary>
    public static string WriteToolResultMessage(IEnumerable<ToolResult> results) => ProviderJson.Write(results, static (writer, items) =>
    {
        writer.WriteStartObject();
        writer.WriteString("role"u8, "user"u8);
        writer.WriteStartArray("content"u8);
        foreach (ToolResult result in ProviderJson.NotNull(items, nameof(results)))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "tool_result"u8);
            writer.WriteString("tool_use_id"u8, result.CallId);
            writer.WriteString("content"u8, result.Content);
            writer.WriteBoolean("is_error"u8, !result.IsSuccess);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
