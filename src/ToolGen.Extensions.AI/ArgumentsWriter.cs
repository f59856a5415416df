using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using ToolGen.Serialization;

namespace ToolGen.Extensions.AI;

/// <summary>
/// Turns <see cref="AIFunctionArguments"/> into the UTF-8 JSON object a generated parser reads, without reflection.
/// </summary>
/// <remarks>
/// JSON values (<see cref="JsonElement"/>, <see cref="JsonNode"/>, <see cref="JsonDocument"/>), strings, booleans,
/// numbers, the date/time/Guid/Uri types of ToolGen's type table, enums (by C# member name), dictionaries with string
/// keys and sequences are written directly with <see cref="Utf8JsonWriter"/>. Any other CLR object goes through
/// <see cref="JsonSerializerOptions.GetTypeInfo(Type)"/> of the function's serializer options: that API carries no
/// trimming annotation, and where reflection is disabled (Native AOT) it simply has no contract for unknown types, which
/// this writer reports as an invalid argument instead of failing the call with an exception.
/// </remarks>
internal static class ArgumentsWriter
{
    /// <summary>Writes the arguments, or returns the message explaining which value could not be written.</summary>
    public static bool TryWrite(
        IEnumerable<KeyValuePair<string, object?>> arguments,
        JsonSerializerOptions serializerOptions,
        out ReadOnlyMemory<byte> utf8Json,
        out string? error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // The parser rejects nesting beyond its own limit anyway; bounding the writer the same way turns a cyclic
        // CLR graph into a clear error instead of deep recursion.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = ToolArgumentLimits.MaxDepth }))
        {
            try
            {
                WriteObject(writer, arguments, serializerOptions, path: "");
            }
            catch (ArgumentValueException exception)
            {
                utf8Json = default;
                error = exception.Message;
                return false;
            }
            catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or JsonException or ArgumentException)
            {
                // A JsonElement/JsonNode nested beyond the limit, or a JsonValue wrapping a value it cannot write.
                utf8Json = default;
                error = $"The arguments cannot be written as JSON: {exception.Message}";
                return false;
            }
        }

        utf8Json = buffer.WrittenMemory;
        error = null;
        return true;
    }

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> members, JsonSerializerOptions options, string path)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, object?> member in members)
        {
            writer.WritePropertyName(member.Key);
            WriteValue(writer, member.Value, options, Join(path, member.Key));
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options, string path)
    {
        if (writer.CurrentDepth >= ToolArgumentLimits.MaxDepth)
        {
            throw new ArgumentValueException($"The value of '{path}' nests deeper than {ToolArgumentLimits.MaxDepth} levels (a cyclic object?).");
        }

        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case JsonElement element:
                if (element.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    element.WriteTo(writer);
                }

                return;
            case JsonDocument document: document.RootElement.WriteTo(writer); return;
            case JsonNode node: node.WriteTo(writer); return;
            case string text: writer.WriteStringValue(text); return;
            case bool flag: writer.WriteBooleanValue(flag); return;
            case int number: writer.WriteNumberValue(number); return;
            case long number: writer.WriteNumberValue(number); return;
            case double number: WriteFinite(writer, number, path); return;
            case float number: WriteFinite(writer, number, path); return;
            case decimal number: writer.WriteNumberValue(number); return;
            case short number: writer.WriteNumberValue(number); return;
            case byte number: writer.WriteNumberValue(number); return;
            case sbyte number: writer.WriteNumberValue(number); return;
            case ushort number: writer.WriteNumberValue(number); return;
            case uint number: writer.WriteNumberValue(number); return;
            case ulong number: writer.WriteNumberValue(number); return;
            case char character: writer.WriteStringValue(character.ToString()); return;
            // The formats below are the ones ToolGen's parsers accept (see the README's type table).
            case DateTime dateTime: writer.WriteStringValue(dateTime); return;
            case DateTimeOffset dateTimeOffset: writer.WriteStringValue(dateTimeOffset); return;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); return;
            case TimeOnly time: writer.WriteStringValue(time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')); return;
            case TimeSpan span: writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture)); return;
            case Guid guid: writer.WriteStringValue(guid); return;
            case Uri uri: writer.WriteStringValue(uri.OriginalString); return;
            case Enum member: writer.WriteStringValue(member.ToString()); return;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); return;
            case IEnumerable<KeyValuePair<string, object?>> members: WriteObject(writer, members, options, path); return;
            case IDictionary dictionary when HasStringKeys(dictionary): WriteDictionary(writer, dictionary, options, path); return;
            case IEnumerable items when value is not IDictionary: WriteArray(writer, items, options, path); return;
            default: WriteWithContract(writer, value, options, path); return;
        }
    }

    private static void WriteFinite(Utf8JsonWriter writer, double number, string path)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentValueException($"Invalid value for '{path}': {number.ToString(CultureInfo.InvariantCulture)} is not a JSON number.");
        }

        writer.WriteNumberValue(number);
    }

    private static void WriteFinite(Utf8JsonWriter writer, float number, string path)
    {
        if (!float.IsFinite(number))
        {
            throw new ArgumentValueException($"Invalid value for '{path}': {number.ToString(CultureInfo.InvariantCulture)} is not a JSON number.");
        }

        writer.WriteNumberValue(number);
    }

    private static bool HasStringKeys(IDictionary dictionary)
    {
        foreach (object key in dictionary.Keys)
        {
            if (key is not string)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IDictionary dictionary, JsonSerializerOptions options, string path)
    {
        writer.WriteStartObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            string key = (string)entry.Key;
            writer.WritePropertyName(key);
            WriteValue(writer, entry.Value, options, Join(path, key));
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable items, JsonSerializerOptions options, string path)
    {
        writer.WriteStartArray();
        int index = 0;
        foreach (object? item in items)
        {
            WriteValue(writer, item, options, $"{path}[{index++}]");
        }

        writer.WriteEndArray();
    }

    private static void WriteWithContract(Utf8JsonWriter writer, object value, JsonSerializerOptions options, string path)
    {
        JsonTypeInfo contract;
        try
        {
            // No trimming annotation on GetTypeInfo: with source-generated options it finds the types they list; with
            // reflection enabled (the default outside Native AOT) it builds any contract; otherwise it throws.
            contract = options.GetTypeInfo(value.GetType());
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new ArgumentValueException(
                $"Invalid value for '{path}': a {value.GetType().Name} cannot be written as JSON without reflection; pass a JsonElement, JsonNode or primitive instead ({exception.Message}).");
        }

        try
        {
            JsonSerializer.Serialize(writer, value, contract);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or JsonException)
        {
            throw new ArgumentValueException($"Invalid value for '{path}': {exception.Message}");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>A value that cannot become JSON; its message is written for the model.</summary>
    private sealed class ArgumentValueException(string message) : Exception(message);
}
