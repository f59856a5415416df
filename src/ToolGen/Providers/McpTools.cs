using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>
/// The Model Context Protocol shapes of a tool server: <c>tools/list</c> entries with <c>inputSchema</c>, and
/// <c>tools/call</c> requests and results (<c>content</c> + <c>isError</c>).
/// </summary>
/// <remarks>
/// Per the spec, bad arguments and tool failures are results with <c>isError: true</c> so the model can correct itself;
/// only an unknown tool is a JSON-RPC error (-32602), which <see cref="WriteCallResponse"/> writes.
/// </remarks>
public static class McpTools
{
    /// <summary>JSON-RPC "Invalid params", the spec's answer to a call of an unknown tool.</summary>
    public const int UnknownToolErrorCode = -32602;

    private const string Format = "MCP";

    /// <summary>
    /// The <c>result</c> of <c>tools/list</c>: <c>{"tools":[{"name","title","description","inputSchema","annotations"}]}</c>,
    /// <c>title</c> only when the tool has one.
    /// </summary>
    public static string WriteToolsList(IEnumerable<ToolDefinition> tools) => ProviderJson.Write(tools, static (writer, items) =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("tools"u8);
        WriteTools(writer, items);
        writer.WriteEndObject();
    });

    /// <summary>Writes the array of <c>tools/list</c> entries into a response being written.</summary>
    public static void WriteTools(Utf8JsonWriter writer, IEnumerable<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (ToolDefinition tool in ProviderJson.NotNull(tools, nameof(tools)))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tool.Name);
            ToolAnnotations annotations = tool.Annotations;
            if (annotations.Title is { } title)
            {
                writer.WriteString("title"u8, title);
            }

            ProviderJson.WriteDescription(writer, tool);
            ProviderJson.WriteSchema(writer, "inputSchema", tool, useStrictVariant: false);
            WriteAnnotations(writer, annotations);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // Every hint is written, defaults included: a client that assumes other defaults still reads the truth. The title
    // is repeated inside the annotations for clients of the 2025-03-26 revision, which only had it there.
    private static void WriteAnnotations(Utf8JsonWriter writer, ToolAnnotations annotations)
    {
        writer.WriteStartObject("annotations"u8);
        if (annotations.Title is { } title)
        {
            writer.WriteString("title"u8, title);
        }

        writer.WriteBoolean("readOnlyHint"u8, annotations.ReadOnly);
        writer.WriteBoolean("destructiveHint"u8, annotations.Destructive);
        writer.WriteBoolean("idempotentHint"u8, annotations.Idempotent);
        writer.WriteBoolean("openWorldHint"u8, annotations.OpenWorld);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a <c>tools/call</c>, given the whole JSON-RPC request or only its <c>params</c>
    /// (<c>{"name","arguments"}</c>). The call's <see cref="ToolCall.Id"/> is the request id as raw JSON (<c>7</c> or
    /// <c>"req-7"</c>; empty for bare params), so that <see cref="WriteCallResponse"/> can echo it unchanged.
    /// </summary>
    /// <exception cref="ProviderFormatException">The JSON is malformed, the method is not <c>tools/call</c>, the name is
    /// missing, or the arguments are not an object.</exception>
    public static ToolCall ReadToolCall(string json) => ReadToolCall(ProviderJson.Utf8(json));

    /// <inheritdoc cref="ReadToolCall(string)"/>
    public static ToolCall ReadToolCall(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument document = ProviderJson.Parse(utf8Json, Format);
        JsonElement parameters = document.RootElement;
        string id = "";
        string path = "params";
        if (ProviderJson.TryGet(parameters, "method", out JsonElement method))
        {
            if (!ProviderJson.IsString(method, "tools/call"u8))
            {
                throw new ProviderFormatException($"{Format}: expected method tools/call, not {ProviderJson.RawText(method, Format, "method")}.");
            }

            id = ProviderJson.TryGet(parameters, "id", out JsonElement idElement) ? ProviderJson.RawText(idElement, Format, "id") : "";
            if (!ProviderJson.TryGet(parameters, "params", out parameters) || parameters.ValueKind != JsonValueKind.Object)
            {
                throw new ProviderFormatException($"{Format}: the tools/call request has no params object.");
            }
        }
        else if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new ProviderFormatException($"{Format}: expected a tools/call request or its params object.");
        }

        return new ToolCall(
            id,
            ProviderJson.RequiredString(parameters, "name", Format, path),
            ProviderJson.ObjectArguments(parameters, "arguments", Format, path));
    }

    /// <summary>
    /// The <c>result</c> of <c>tools/call</c>: <c>{"content":[{"type":"text","text":…}],"isError":…}</c>, with
    /// <see cref="ToolResult.Content"/> as text.
    /// </summary>
    public static string WriteCallResult(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ProviderJson.Write(result, WriteCallResult);
    }

    /// <summary>
    /// The whole JSON-RPC response to a <c>tools/call</c>, echoing the request id held in
    /// <see cref="ToolResult.CallId"/>: a <c>result</c> (see <see cref="WriteCallResult(ToolResult)"/>), or for an
    /// unknown tool an <c>error</c> with code <see cref="UnknownToolErrorCode"/>.
    /// </summary>
    public static string WriteCallResponse(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ProviderJson.Write(result, static (writer, item) =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WritePropertyName("id"u8);
            WriteId(writer, item.CallId);
            if (item.ErrorKind == ToolErrorKind.FunctionNotFound)
            {
                writer.WriteStartObject("error"u8);
                writer.WriteNumber("code"u8, UnknownToolErrorCode);
                writer.WriteString("message"u8, item.ErrorMessage);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName("result"u8);
                WriteCallResult(writer, item);
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteCallResult(Utf8JsonWriter writer, ToolResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("content"u8);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "text"u8);
        writer.WriteString("text"u8, result.Content);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteBoolean("isError"u8, !result.IsSuccess);
        writer.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter writer, string callId)
    {
        // Ids read by ReadToolCall are raw JSON (a number or a quoted string); any other text is written as a string.
        if (callId.Length == 0)
        {
            writer.WriteNullValue();
            return;
        }

        if (callId[0] == '"' || char.IsAsciiDigit(callId[0]) || callId[0] == '-')
        {
            try
            {
                using JsonDocument id = JsonDocument.Parse(callId);
                if (id.RootElement.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    id.RootElement.WriteTo(writer);
                    return;
                }
            }
            catch (JsonException)
            {
                // not raw JSON: fall through
            }
        }

        writer.WriteStringValue(callId);
    }
}
