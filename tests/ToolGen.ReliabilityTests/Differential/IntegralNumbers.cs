using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// Draft 2020-12 counts a number with a zero fraction or an exponent (<c>1.0</c>, <c>1e2</c>, <c>100.000</c>) as an
/// integer, and so does the parser (README); NJsonSchema, through Newtonsoft's token types, does not. The oracle
/// therefore spells such numbers as plain integers before asking NJsonSchema. Only number tokens are rewritten; every
/// other byte of the payload is kept.
/// </summary>
internal static class IntegralNumbers
{
    public static string AsIntegers(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var edits = new List<(int Start, int Length, string Text)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    continue;
                }

                string text = Encoding.UTF8.GetString(reader.ValueSpan);
                bool plain = text.IndexOfAny(['.', 'e', 'E']) < 0;
                if (!plain && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
                    && value == decimal.Truncate(value) && IsExact(text, value))
                {
                    edits.Add(((int)reader.TokenStartIndex, reader.ValueSpan.Length, value.ToString("0", CultureInfo.InvariantCulture)));
                }
            }
        }
        catch (JsonException)
        {
            return json; // the oracle reports syntax errors itself
        }

        var builder = new StringBuilder();
        int at = 0;
        foreach (var (start, length, replacement) in edits)
        {
            builder.Append(Encoding.UTF8.GetString(bytes, at, start - at)).Append(replacement);
            at = start + length;
        }

        return builder.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at)).ToString();
    }

    /// <summary>decimal rounds past 28 digits (1e-400 parses as 0): only a value that reads back the same is kept.</summary>
    private static bool IsExact(string text, decimal value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d == (double)value
        && !(value == 0 && HasNonZeroDigit(text));

    private static bool HasNonZeroDigit(string text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }
}
