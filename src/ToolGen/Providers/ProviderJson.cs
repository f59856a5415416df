using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ToolGen.Providers;

/// <summary>Reading and writing helpers shared by the provider formats, so each format file only states its shapes.</summary>
internal static class ProviderJson
{
    // Relaxed escaping keeps non-ASCII text and quotes in descriptions readable for the model (and smaller).
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            write(writer, state);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The envelope adds a few levels above the arguments (Gemini: seven). Arguments as deep as the tools' own limit, or
    // deeper, must reach the tool's parser, which rejects that one call, instead of failing every call of the message.
    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 4 * Serialization.ToolArgumentLimits.MaxDepth };

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, string format)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, s_documentOptions);
        }
        catch (JsonException exception)
        {
            throw new ProviderFormatException($"{format}: the payload is not valid JSON ({exception.Message})", exception);
        }
    }

    public static ReadOnlyMemory<byte> Utf8(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Encoding.UTF8.GetBytes(json);
    }

    /// <summary>The property when present and not JSON null.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Whether the element is the string <paramref name="utf8"/>. A discriminator of another JSON type (hostile or
    /// broken input) is simply not equal: JsonElement.ValueEquals would throw InvalidOperationException for it.
    /// </summary>
    public static bool IsString(JsonElement element, ReadOnlySpan<byte> utf8) =>
        element.ValueKind == JsonValueKind.String && element.ValueEquals(utf8);

    /// <summary>
    /// A string value; escapes that do not decode (a lone surrogate such as "\ud800") are a format error rather than
    /// the InvalidOperationException JsonElement.GetString throws for them.
    /// </summary>
    public static string Text(JsonElement value, string format, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new ProviderFormatException($"{format}: {path} is not valid text ({exception.Message})", exception);
        }
    }

    /// <summary>
    /// The JSON text of an object; invalid UTF-8 inside it (JsonDocument does not validate names and strings up front)
    /// is a format error rather than the InvalidOperationException GetRawText throws while transcoding.
    /// </summary>
    public static string RawText(JsonElement value, string format, string path)
    {
        try
        {
            return value.GetRawText();
        }
        catch (InvalidOperationException exception)
        {
            throw new ProviderFormatException($"{format}: {path} is not valid UTF-8 JSON ({exception.Message})", exception);
        }
    }

    public static string RequiredString(JsonElement element, string name, string format, string path)
    {
        if (TryGet(element, name, out JsonElement value) && value.ValueKind == JsonValueKind.String)
        {
            return Text(value, format, $"{path}.{name}");
        }

        throw new ProviderFormatException($"{format}: {path}.{name} is missing or not a string.");
    }

    public static JsonElement RequiredArray(JsonElement element, string name, string format, string path)
    {
        if (TryGet(element, name, out JsonElement value) && value.ValueKind == JsonValueKind.Array)
        {
            return value;
        }

        throw new ProviderFormatException($"{format}: {path}.{name} is missing or not an array.");
    }

    /// <summary>An object-valued argument property as UTF-8 bytes; <c>{}</c> when absent.</summary>
    public static ReadOnlyMemory<byte> ObjectArguments(JsonElement element, string name, string format, string path)
    {
        if (!TryGet(element, name, out JsonElement value))
        {
            return "{}"u8.ToArray();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ProviderFormatException($"{format}: {path}.{name} must be a JSON object, not {value.ValueKind}.");
        }

        return Encoding.UTF8.GetBytes(RawText(value, format, $"{path}.{name}"));
    }

    /// <summary>
    /// OpenAI's <c>arguments</c> string, passed on untouched (the tool set reports bad JSON to the model); an absent or
    /// blank string means no arguments, and an object (sent by some compatible servers) is taken as is.
    /// </summary>
    public static string StringArguments(JsonElement element, string format, string path)
    {
        if (!TryGet(element, "arguments", out JsonElement value))
        {
            return "{}";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Text(value, format, path + ".arguments") is { } text && !string.IsNullOrWhiteSpace(text) ? text : "{}",
            JsonValueKind.Object => RawText(value, format, path + ".arguments"),
            _ => throw new ProviderFormatException($"{format}: {path}.arguments must be a string, not {value.ValueKind}."),
        };
    }

    public static void WriteDescription(Utf8JsonWriter writer, ToolDefinition tool)
    {
        if (tool.Description.Length > 0)
        {
            writer.WriteString("description"u8, tool.Description);
        }
    }

    /// <summary>Embeds the tool's schema (the strict variant for strict tools) as it is: it is already JSON.</summary>
    public static void WriteSchema(Utf8JsonWriter writer, string propertyName, ToolDefinition tool, bool useStrictVariant)
    {
        writer.WritePropertyName(propertyName);
        writer.WriteRawValue((useStrictVariant && tool.Strict ? tool.StrictInputSchemaUtf8 : tool.InputSchemaUtf8).Span);
    }

    public static IEnumerable<T> NotNull<T>(IEnumerable<T> items, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, name);
        foreach (T item in items)
        {
            yield return item ?? throw new ArgumentException("The sequence contains null.", name);
        }
    }
}
