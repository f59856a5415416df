using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace ToolGen.ModelContextProtocol;

/// <summary>
/// Writes the <c>arguments</c> of a <c>tools/call</c> (which the SDK has already read into JsonElements) back to one
/// UTF-8 JSON object for the generated parser: no reflection, no serializer, no string in between.
/// </summary>
internal static class McpArguments
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static byte[] ToUtf8(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return EmptyObject;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        // The SDK has already bounded the depth it read; SkipValidation off keeps the writer checking what it writes.
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, JsonElement> argument in arguments)
            {
                writer.WritePropertyName(argument.Key);
                if (argument.Value.ValueKind == JsonValueKind.Undefined)
                {
                    // A default(JsonElement) put there by code, not by a client: the parser reports it like null.
                    writer.WriteNullValue();
                }
                else
                {
                    argument.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
