using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>
/// The Google Gemini wire format: <c>functionDeclarations</c> with <c>parametersJsonSchema</c>, <c>functionCall</c>
/// parts, and <c>functionResponse</c> parts carrying <c>response.output</c> or <c>response.error</c>.
/// </summary>
/// <remarks>
/// Gemini may leave out call ids: such calls get an empty <see cref="ToolCall.Id"/>, and their responses are matched
/// by order and name, without an <c>id</c>.
/// </remarks>
public static class GeminiFunctions
{
    private const string Format = "Gemini";

    /// <summary>
    /// The value of the request's <c>tools</c> property: <c>[{"functionDeclarations":[{"name","description","parametersJsonSchema"}]}]</c>.
    /// The JSON Schema form is used, not the OpenAPI subset of <c>parameters</c>.
    /// </summary>
    public static string WriteTools(IEnumerable<ToolDefinition> tools) => ProviderJson.Write(tools, WriteTools);

    /// <summary>Writes the <c>tools</c> array into a request being written.</summary>
    public static void WriteTools(Utf8JsonWriter writer, IEnumerable<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteStartArray("functionDeclarations"u8);
        foreach (ToolDefinition tool in ProviderJson.NotNull(tools, nameof(tools)))
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tool.Name);
            ProviderJson.WriteDescription(writer, tool);
            ProviderJson.WriteSchema(writer, "parametersJsonSchema", tool, useStrictVariant: false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>
    /// Reads the <c>functionCall</c> parts of a whole response (<c>candidates[0].content.parts</c>), of a content
    /// object (<c>parts</c>) or of a bare parts array; other parts are skipped. <c>args</c> must be an object.
    /// </summary>
    /// <exception cref="ProviderFormatException">The JSON is malformed, a call has no name, or its args are not an
    /// object.</exception>
    public static IReadOnlyList<ToolCall> ReadToolCalls(string json) => ReadToolCalls(ProviderJson.Utf8(json));

    /// <inheritdoc cref="ReadToolCalls(string)"/>
    public static IReadOnlyList<ToolCall> ReadToolCalls(ReadOnlyMemory<byte> utf8Json)
    {
        using JsonDocument document = ProviderJson.Parse(utf8Json, Format);
        JsonElement parts = document.RootElement;
        string path = "";
        if (ProviderJson.TryGet(parts, "candidates", out JsonElement candidates))
        {
            if (candidates.ValueKind != JsonValueKind.Array || (candidates.GetArrayLength() > 0 && candidates[0].ValueKind != JsonValueKind.Object))
            {
                throw new ProviderFormatException($"{Format}: candidates must be an array of candidate objects.");
            }

            // A blocked prompt has no candidate, a candidate stopped by a safety filter ("finishReason":"SAFETY") has
            // no content or content without parts: all of them mean no calls. Only candidates[0] is read.
            if (candidates.GetArrayLength() == 0
                || !ProviderJson.TryGet(candidates[0], "content", out JsonElement content)
                || !ProviderJson.TryGet(content, "parts", out parts))
            {
                return [];
            }

            path = "candidates[0].content.parts";
        }
        else if (parts.ValueKind == JsonValueKind.Object)
        {
            parts = ProviderJson.RequiredArray(parts, "parts", Format, "content");
            path = "parts";
        }

        if (parts.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderFormatException($"{Format}: expected a response, a content object or a parts array.");
        }

        var calls = new List<ToolCall>();
        int index = 0;
        foreach (JsonElement part in parts.EnumerateArray())
        {
            string partPath = $"{path}[{index++}].functionCall";
            if (!ProviderJson.TryGet(part, "functionCall", out JsonElement call))
            {
                continue;
            }

            string id = ProviderJson.TryGet(call, "id", out JsonElement idElement) && idElement.ValueKind == JsonValueKind.String
                ? ProviderJson.Text(idElement, Format, partPath + ".id")
                : "";
            calls.Add(new ToolCall(
                id,
                ProviderJson.RequiredString(call, "name", Format, partPath),
                ProviderJson.ObjectArguments(call, "args", Format, partPath)));
        }

        return calls;
    }

    /// <summary>
    /// The content answering the calls:
    /// <c>{"role":"user","parts":[{"functionResponse":{"id"?,"name","response":{"output":…}}}]}</c>, where a success
    /// puts the tool's JSON result in <c>output</c> and a failure puts the error envelope
    /// (<see cref="ToolResult.Content"/>) in <c>error</c>.
    /// </summary>
    public static string WriteFunctionResponses(IEnumerable<ToolResult> results) => ProviderJson.Write(results, static (writer, items) =>
    {
        writer.WriteStartObject();
        writer.WriteString("role"u8, "user"u8);
        writer.WriteStartArray("parts"u8);
        foreach (ToolResult result in ProviderJson.NotNull(items, nameof(results)))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("functionResponse"u8);
            if (result.CallId.Length > 0)
            {
                writer.WriteString("id"u8, result.CallId);
            }

            writer.WriteString("name"u8, result.ToolName);
            writer.WriteStartObject("response"u8);
            if (result.IsSuccess)
            {
                writer.WritePropertyName("output"u8);
                writer.WriteRawValue(result.ResultJson!);
            }
            else
            {
                writer.WritePropertyName("error"u8);
                writer.WriteRawValue(result.Content);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
