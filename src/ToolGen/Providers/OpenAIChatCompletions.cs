using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>
/// The OpenAI Chat Completions wire format: the <c>tools</c> array of a request, the <c>tool_calls</c> of an assistant
/// message, and the <c>role: "tool"</c> messages that answer them.
/// </summary>
public static class OpenAIChatCompletions
{
    private const string Format = "OpenAI Chat Completions";

    /// <summary>
    /// The value of the request's <c>tools</c> property:
    /// <c>[{"type":"function","function":{"name","description","parameters","strict"}}]</c>. Strict tools get
    /// <c>"strict":true</c> and their strict schema.
    /// </summary>
    public static string WriteTools(IEnumerable<ToolDefinition> tools) => ProviderJson.Write(tools, WriteTools);

    /// <summary>Writes the <c>tools</c> array (see <see cref="WriteTools(IEnumerable{ToolDefinition})"/>) into a request being written.</summary>
    public static void WriteTools(Utf8JsonWriter writer, IEnumerable<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (ToolDefinition tool in ProviderJson.NotNull(tools, nameof(tools)))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "function"u8);
            writer.WriteStartObject("function"u8);
            writer.WriteString("name"u8, tool.Name);
            ProviderJson.WriteDescription(writer, tool);
            ProviderJson.WriteSchema(writer, "parameters", tool, useStrictVariant: true);
            writer.WriteBoolean("strict"u8, tool.Strict);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads the function calls of an assistant message, given either the message object or a whole completion (its
    /// <c>choices[0].message</c>). No <c>tool_calls</c> means no calls; entries of another type than
    /// <c>function</c> are skipped. The <c>arguments</c> string is passed on untouched, even when it is not valid JSON.
    /// </summary>
    /// <exception cref="ProviderFormatException">The JSON is malformed or a call lacks its id or name.</exception>
    public static IReadOnlyList<ToolCall> ReadToolCalls(string json) => ReadToolCalls(ProviderJson.Utf8(json));

    /// <inheritdoc cref="ReadToolCalls(string)"/>
    public static IReadOnlyList<ToolCall> ReadToolCalls(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument document = ProviderJson.Parse(utf8Json, Format);
        JsonElement message = document.RootElement;
        string path = "message";
        if (ProviderJson.TryGet(message, "choices", out JsonElement choices))
        {
            if (choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0 || !ProviderJson.TryGet(choices[0], "message", out message))
            {
                throw new ProviderFormatException($"{Format}: choices[0].message is missing.");
            }

            path = "choices[0].message";
        }
        else if (message.ValueKind != JsonValueKind.Object)
        {
            throw new ProviderFormatException($"{Format}: expected an assistant message or a completion object, not {message.ValueKind}.");
        }

        if (!ProviderJson.TryGet(message, "tool_calls", out JsonElement toolCalls))
        {
            // The legacy shape answers a "functions" request; reading it as "no calls" would drop the model's call.
            if (ProviderJson.TryGet(message, "function_call", out _))
            {
                throw new ProviderFormatException(
                    $"{Format}: {path}.function_call is the legacy function-calling shape (a request with \"functions\"), which has no call id to answer; send the tools with WriteTools (\"tools\") so that the model answers with tool_calls.");
            }

            return [];
        }

        if (toolCalls.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderFormatException($"{Format}: {path}.tool_calls must be an array.");
        }

        var calls = new List<ToolCall>(toolCalls.GetArrayLength());
        int index = 0;
        foreach (JsonElement toolCall in toolCalls.EnumerateArray())
        {
            string callPath = $"{path}.tool_calls[{index++}]";
            if (ProviderJson.TryGet(toolCall, "type", out JsonElement type) && !ProviderJson.IsString(type, "function"u8))
            {
                continue; // custom tools are not ToolGen functions
            }

            string id = ProviderJson.RequiredString(toolCall, "id", Format, callPath);
            if (!ProviderJson.TryGet(toolCall, "function", out JsonElement function) || function.ValueKind != JsonValueKind.Object)
            {
                throw new ProviderFormatException($"{Format}: {callPath}.function is missing.");
            }

            string name = ProviderJson.RequiredString(function, "name", Format, callPath + ".function");
            calls.Add(new ToolCall(id, name, ProviderJson.StringArguments(function, Format, callPath + ".function")));
        }

        return calls;
    }

    /// <summary>
    /// The messages answering the calls, one per result, to append to <c>messages</c>:
    /// <c>[{"role":"tool","tool_call_id":…,"content":…}]</c> with <see cref="ToolResult.Content"/> as content.
    /// </summary>
    public static string WriteToolMessages(IEnumerable<ToolResult> results) => ProviderJson.Write(results, static (writer, items) =>
    {
        writer.WriteStartArray();
        foreach (ToolResult result in ProviderJson.NotNull(items, nameof(results)))
        {
            writer.WriteStartObject();
            writer.WriteString("role"u8, "tool"u8);
            writer.WriteString("tool_call_id"u8, result.CallId);
            writer.WriteString("content"u8, result.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}
