using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.Serialization;

/// <content>Getters for every scalar of the type table. Each reads the current token.</content>
public ref partial struct ToolArgumentReader
{
    /// <summary>Reads a string.</summary>
    public readonly string GetString()
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            ThrowExpected("a string");
        }

        return DecodeString();
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public readonly bool GetBoolean() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when _lenient && _reader.ValueTextEquals("true"u8) => true,
        JsonTokenType.String when _lenient && _reader.ValueTextEquals("false"u8) => false,
        _ => ThrowExpectedBoolean(),
    };

    /// <summary>Reads an integer in [0, 255].</summary>
    public readonly byte GetByte() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetByte(out byte v) ? v : (byte)Integer(byte.MinValue, byte.MaxValue);

    /// <summary>Reads an integer in [-128, 127].</summary>
    public readonly sbyte GetSByte() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetSByte(out sbyte v) ? v : (sbyte)Integer(sbyte.MinValue, sbyte.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="short"/>.</summary>
    public readonly short GetInt16() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt16(out short v) ? v : (short)Integer(short.MinValue, short.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="ushort"/>.</summary>
    public readonly ushort GetUInt16() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetUInt16(out ushort v) ? v : (ushort)Integer(ushort.MinValue, ushort.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="int"/>.</summary>
    public readonly int GetInt32() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt32(out int v) ? v : (int)Integer(int.MinValue, int.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="uint"/>.</summary>
    public readonly uint GetUInt32() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetUInt32(out uint v) ? v : (uint)Integer(uint.MinValue, uint.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="long"/>.</summary>
    public readonly long GetInt64() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out long v) ? v : (long)Integer(long.MinValue, long.MaxValue);

    /// <summary>Reads an integer in the range of <see cref="ulong"/>.</summary>
    public readonly ulong GetUInt64() => _reader.TokenType == JsonTokenType.Number && _reader.TryGetUInt64(out ulong v) ? v : (ulong)Integer(ulong.MinValue, ulong.MaxValue);

    /// <summary>Reads a finite number in the range of <see cref="float"/>.</summary>
    public readonly float GetSingle()
    {
        var number = NumberToken();
        return number.TokenType == JsonTokenType.Number && number.TryGetSingle(out float v) && float.IsFinite(v) ? v : ThrowNumber<float>("a number in the range of a 32-bit float");
    }

    /// <summary>Reads a finite number in the range of <see cref="double"/>.</summary>
    public readonly double GetDouble()
    {
        var number = NumberToken();
        return number.TokenType == JsonTokenType.Number && number.TryGetDouble(out double v) && double.IsFinite(v) ? v : ThrowNumber<double>("a number");
    }

    /// <summary>Reads a number in the range of <see cref="decimal"/>.</summary>
    public readonly decimal GetDecimal()
    {
        var number = NumberToken();
        return number.TokenType == JsonTokenType.Number && number.TryGetDecimal(out decimal v) ? v : ThrowNumber<decimal>("a number in the range of a decimal");
    }

    /// <summary>Reads a string of exactly one UTF-16 character.</summary>
    public readonly char GetChar()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            string s = DecodeString();
            if (s.Length == 1)
            {
                return s[0];
            }
        }

        ThrowExpected("a string of exactly one character");
        return default;
    }

    /// <summary>Reads an RFC 3339 date-time; the offset may be omitted (then the kind is Unspecified).</summary>
    public readonly DateTime GetDateTime()
    {
        if (_reader.TokenType == JsonTokenType.String && IsoFormats.IsDateTime(ValueSpan(), offsetRequired: false)
            && (_reader.TryGetDateTime(out DateTime v) || UpperCased().TryGetDateTime(out v)))
        {
            return v;
        }

        ThrowExpected("an RFC 3339 date-time string such as \"2025-01-31T09:30:00Z\"");
        return default;
    }

    /// <summary>Reads an RFC 3339 date-time with its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public readonly DateTimeOffset GetDateTimeOffset()
    {
        if (_reader.TokenType == JsonTokenType.String && IsoFormats.IsDateTime(ValueSpan(), offsetRequired: true)
            && (_reader.TryGetDateTimeOffset(out DateTimeOffset v) || UpperCased().TryGetDateTimeOffset(out v)))
        {
            return v;
        }

        ThrowExpected("an RFC 3339 date-time string with an offset such as \"2025-01-31T09:30:00+01:00\"");
        return default;
    }

    /// <summary>Reads a full date <c>yyyy-MM-dd</c>.</summary>
    public readonly DateOnly GetDateOnly()
    {
        if (_reader.TokenType == JsonTokenType.String && ValueSpan() is var text && IsoFormats.IsDate(text)
            && DateOnly.TryParseExact(AsciiChars(text, stackalloc char[ShortValueChars]), "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly v))
        {
            return v;
        }

        ThrowExpected("a date string such as \"2025-01-31\"");
        return default;
    }

    /// <summary>Reads a time of day <c>HH:mm:ss[.fffffff]</c>.</summary>
    public readonly TimeOnly GetTimeOnly()
    {
        if (_reader.TokenType == JsonTokenType.String && ValueSpan() is var text && IsoFormats.IsTime(text)
            && TimeOnly.TryParse(AsciiChars(text, stackalloc char[ShortValueChars]), CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly v))
        {
            return v;
        }

        ThrowExpected("a time string such as \"09:30:00\"");
        return default;
    }

    /// <summary>Reads a duration in the constant ("c") format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public readonly TimeSpan GetTimeSpan()
    {
        if (_reader.TokenType == JsonTokenType.String && ValueSpan() is var text && IsoFormats.IsTimeSpan(text)
            && TimeSpan.TryParseExact(AsciiChars(text, stackalloc char[ShortValueChars]), "c", CultureInfo.InvariantCulture, out TimeSpan v))
        {
            return v;
        }

        ThrowExpected("a duration string such as \"1.02:03:04\" (format [-][d.]hh:mm:ss[.fffffff])");
        return default;
    }

    /// <summary>Reads a UUID in the 8-4-4-4-12 hex form.</summary>
    public readonly Guid GetGuid()
    {
        // Parsed from the UTF-8 bytes: no string per call.
        if (_reader.TokenType == JsonTokenType.String && ValueSpan() is { Length: 36 } text
            && Utf8Parser.TryParse(text, out Guid v, out int consumed, 'D') && consumed == 36)
        {
            return v;
        }

        ThrowExpected("a UUID string such as \"123e4567-e89b-12d3-a456-426614174000\"");
        return default;
    }

    /// <summary>Reads an absolute URI.</summary>
    public readonly Uri GetUri()
    {
        if (_reader.TokenType == JsonTokenType.String && IsoFormats.HasScheme(ValueSpan())
            && Uri.TryCreate(DecodeString(), UriKind.Absolute, out Uri? v))
        {
            return v;
        }

        ThrowExpected("an absolute URI string such as \"https://example.com/path\"");
        return default!;
    }

    /// <summary>Reads any JSON value (a copy that outlives the arguments buffer), leaving the reader at its end.</summary>
    public JsonElement GetJsonElement() => JsonElement.ParseValue(ref _reader);

    /// <summary>Reads any JSON value as a node (<see langword="null"/> for JSON null), leaving the reader at its end.</summary>
    public JsonNode? GetJsonNode() => JsonNode.Parse(ref _reader);

    /// <summary>Reads a property name as a string (dictionary keys).</summary>
    public readonly string GetPropertyName() => DecodeString();

    private readonly string DecodeString()
    {
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            ThrowExpected("a string of valid UTF-8 text");
            return null!;
        }
    }

    /// <summary>
    /// The current date-time string with 't' and 'z' upper-cased, as a reader on it: RFC 3339 allows lower case, which
    /// System.Text.Json does not read. Only this rare path allocates.
    /// </summary>
    private readonly Utf8JsonReader UpperCased()
    {
        string text = "\"" + DecodeString().ToUpperInvariant() + "\"";
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        reader.Read();
        return reader;
    }

    // Longer than any valid date, time of day or duration in the formats read here.
    private const int ShortValueChars = 64;

    /// <summary>
    /// ASCII text (checked by an <see cref="IsoFormats"/> test) as chars in <paramref name="buffer"/>, so that parsing
    /// a date, time or duration allocates nothing; text too long for the buffer is decoded to a string instead.
    /// </summary>
    private readonly ReadOnlySpan<char> AsciiChars(ReadOnlySpan<byte> ascii, Span<char> buffer) =>
        Ascii.ToUtf16(ascii, buffer, out int written) == OperationStatus.Done ? buffer[..written] : DecodeString();

    private readonly ReadOnlySpan<byte> ValueSpan()
    {
        // Escaped strings are rare for dates; unescape them into a new array only then.
        if (!_reader.ValueIsEscaped)
        {
            return _reader.ValueSpan; // the reader always reads one contiguous span
        }

        return System.Text.Encoding.UTF8.GetBytes(DecodeString());
    }

    /// <summary>
    /// The current number token, or (lenient) a reader on the number a JSON string holds exactly: the string's whole
    /// text is one JSON number (<c>"5"</c>, <c>"-2.5e3"</c>; not <c>" 5"</c>, <c>"+5"</c>, <c>"05"</c>, <c>"5."</c>).
    /// Anything else gives a reader on no token.
    /// </summary>
    private readonly Utf8JsonReader NumberToken()
    {
        if (_reader.TokenType == JsonTokenType.Number)
        {
            return _reader;
        }

        if (_lenient && _reader.TokenType == JsonTokenType.String)
        {
            byte[] text = ValueSpan().ToArray();
            if (JsonNumbers.IsNumber(text, out _))
            {
                var number = new Utf8JsonReader(text);
                number.Read();
                return number;
            }
        }

        return default;
    }

    /// <summary>
    /// The slow path of the integer getters: an integral number with a zero fraction or an exponent (<c>5.0</c>,
    /// <c>1e2</c>), which JSON Schema counts as an integer, or (lenient) such a number in a string.
    /// </summary>
    private readonly decimal Integer(decimal min, decimal max)
    {
        var number = NumberToken();
        if (number.TokenType == JsonTokenType.Number)
        {
            ReadOnlySpan<byte> text = number.ValueSpan;
            // -0 stays rejected for unsigned types, as TryGetUInt64 rejects it.
            if (JsonNumbers.IsNumber(text, out bool integral) && integral && !(min == 0 && text[0] == (byte)'-')
                && number.TryGetDecimal(out decimal value) && value >= min && value <= max)
            {
                return value;
            }
        }

        ThrowExpectedScalar(string.Create(CultureInfo.InvariantCulture, $"an integer between {min} and {max}"));
        return default;
    }

    private readonly bool ThrowExpectedBoolean()
    {
        ThrowExpectedScalar("true or false");
        return default;
    }

    private readonly T ThrowNumber<T>(string expected)
    {
        ThrowExpectedScalar(expected);
        return default!;
    }

    /// <summary>Says when a string came where a number or boolean was expected: models do that, and need to know.</summary>
    private readonly void ThrowExpectedScalar(string expected)
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            ThrowExpected(expected + (_lenient ? ", or a string holding exactly one (got another string)" : " (got a string)"));
        }

        ThrowExpected(expected);
    }
}
