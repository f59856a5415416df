using System;

namespace ToolGen.Serialization;

/// <summary>The JSON number grammar (RFC 8259), and whether a number is integral as JSON Schema counts it.</summary>
internal static class JsonNumbers
{
    // Exponents are capped here: no .NET number type holds a value this far from 1, so the exact size does not matter.
    private const int MaxExponent = 100_000;

    /// <summary>
    /// Whether <paramref name="text"/> is exactly one JSON number, and whether its value is an integer (a zero
    /// fraction, or an exponent that shifts every fraction digit out: <c>5.0</c>, <c>1e2</c>, <c>150e-1</c>).
    /// </summary>
    public static bool IsNumber(ReadOnlySpan<byte> text, out bool integral)
    {
        integral = false;
        int i = 0;
        if (i < text.Length && text[i] == (byte)'-')
        {
            i++;
        }

        int intStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        int intLength = i - intStart;
        if (intLength == 0 || (intLength > 1 && text[intStart] == (byte)'0'))
        {
            return false;
        }

        int fracStart = i, fracLength = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            fracStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fracLength = i - fracStart;
            if (fracLength == 0)
            {
                return false;
            }
        }

        int exponent = 0;
        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            bool negative = false;
            if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
            {
                negative = text[i] == (byte)'-';
                i++;
            }

            int expStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                exponent = Math.Min((exponent * 10) + (text[i] - '0'), MaxExponent);
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            exponent = negative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return false;
        }

        // The value is digits × 10^shift, digits being the integer and fraction digits together.
        int shift = exponent - fracLength;
        if (shift >= 0)
        {
            integral = true;
            return true;
        }

        // Integral when the last -shift digits are zeros (all of them, when the shift reaches past the first digit).
        integral = true;
        int digits = intLength + fracLength;
        for (int k = 0; k < Math.Min(-shift, digits); k++)
        {
            int position = digits - 1 - k;
            byte digit = position < intLength ? text[intStart + position] : text[fracStart + position - intLength];
            if (digit != (byte)'0')
            {
                integral = false;
                break;
            }
        }

        return true;
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';
}
