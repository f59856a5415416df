using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace ToolGen.Serialization;

/// <summary>Writes the scalars <see cref="Utf8JsonWriter"/> has no overload for, in the schema's formats.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolValueWriter
{
    /// <summary>Writes a number, or "NaN"/"Infinity"/"-Infinity" as a string (JSON has no such numbers).</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a number, or "NaN"/"Infinity"/"-Infinity" as a string.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a property whose value is a number, or "NaN"/"Infinity"/"-Infinity" as a string.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(utf8Name, value);
        }
        else
        {
            writer.WriteString(utf8Name, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a property whose value is a number, or "NaN"/"Infinity"/"-Infinity" as a string.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumber(utf8Name, value);
        }
        else
        {
            writer.WriteString(utf8Name, value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a one-character string.</summary>
    public static void WriteChar(Utf8JsonWriter writer, char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        writer.WriteStringValue(one);
    }

    /// <summary>Writes <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out int written, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<char> text = stackalloc char[16];
        string format = value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH':'mm':'ss" : "HH':'mm':'ss'.'fffffff";
        value.TryFormat(text, out int written, format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes the constant ("c") format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<char> text = stackalloc char[26];
        value.TryFormat(text, out int written, "c", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes the URI as its original string.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri value) => writer.WriteStringValue(value.OriginalString);

    /// <summary>Writes JSON <c>null</c> for a default (undefined) element instead of throwing.</summary>
    public static void WriteJsonElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
