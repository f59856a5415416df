using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>
/// The OpenAI Responses API wire format: flat function tools, <c>function_call</c> output items and the
/// <c>function_call_output</c> input items that answer them.
/// </summary>
public static class OpenAIResponses
{
    private const string Format = "OpenAI Responses";

    /// <summary>
    /// The value of the request's <c>tools</c> property: <c>[{"type":"function","name","description","parameters","strict"}]</c>.
    /// <c>strict</c> is always written because this API treats a missing one as true.
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
            writer.WriteString("type"u8, "function"u8);
            writer.WriteString("name"u8, tool.Name);
            ProviderJson.WriteDescription(writer, tool);
            ProviderJson.WriteSchema(writer, "parameters", tool, useStrictVariant: true);
            writer.WriteBoolean("strict"u8, tool.Strict);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads the <c>function_call</c> items of a whole response (its <c>output</c>), of an array of items, or a single
    /// item; other items (messages, reasoning) are skipped. The call id is <c>call_id</c>, which the output must echo.
    /// </summary>
    /// <exception cref="ProviderFormatException">The JSON is malformed or a call lacks its call_id or name.</exception>
    public static IReadOnlyList<ToolCall> ReadToolCalls(string json) => ReadToolCalls(ProviderJson.Utf8(json));

    /// <inheritdoc cref="ReadToolCalls(string)"/>
    public static IReadOnlyList<ToolCall> ReadToolCalls(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument document = ProviderJson.Parse(utf8Json, Format);
        JsonElement root = document.RootElement;
        var calls = new List<ToolCall>();
        if (root.ValueKind == JsonValueKind.Object && !ProviderJson.TryGet(root, "output", out _))
        {
            AddCall(root, "item", calls);
            return calls;
        }

        JsonElement items = root.ValueKind == JsonValueKind.Array ? root : ProviderJson.RequiredArray(root, "output", Format, "response");
        string path = root.ValueKind == JsonValueKind.Array ? "" : "output";
        int index = 0;
        foreach (JsonElement item in items.EnumerateArray())
        {
            AddCall(item, $"{path}[{index++}]", calls);
        }

        return calls;
    }

    /// <summary>
    /// The input items answering the calls:
    /// <c>[{"type":"function_call_output","call_id":…,"output":…}]</c> with <see cref="ToolResult.Content"/> as output.
    /// </summary>
    public static string WriteToolOutputs(IEnumerable<ToolResult> results) => ProviderJson.Write(results, static (writer, items) =>
    {
        writer.WriteStartArray();
        foreach (ToolResult result in ProviderJson.NotNull(items, nameof(results)))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "function_call_output"u8);
            writer.WriteString("call_id"u8, result.CallId);
            writer.WriteString("output"u8, result.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static void AddCall(JsonElement item, string path, List<ToolCall> calls)
    {
        if (!ProviderJson.TryGet(item, "type", out JsonElement type) || !ProviderJson.IsString(type, "function_call"u8))
        {
            return;
        }

        calls.Add(new ToolCall(
            ProviderJson.RequiredString(item, "call_id", Format, path),
            ProviderJson.RequiredString(item, "name", Format, path),
            ProviderJson.StringArguments(item, Format, path)));
    }
}
