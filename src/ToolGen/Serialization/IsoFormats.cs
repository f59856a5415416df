using System;

namespace ToolGen.Serialization;

/// <summary>
/// Shape checks for the string formats of the schema (RFC 3339 date-time, full-date, partial-time, and the "c"
/// duration pattern), so that the parser accepts exactly the shapes the schema describes before .NET parses them.
/// </summary>
internal static class IsoFormats
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ss[.f+](Z|±hh:mm)</c>; the offset is optional when not required.</summary>
    public static bool IsDateTime(ReadOnlySpan<byte> s, bool offsetRequired)
    {
        if (s.Length < 19 || !IsDate(s[..10]) || (s[10] | 0x20) != 't' || !IsHms(s.Slice(11, 8)))
        {
            return false;
        }

        int i = SkipFraction(s, 19);
        if (i < 0)
        {
            return false;
        }

        if (i == s.Length)
        {
            return !offsetRequired;
        }

        return IsOffset(s[i..]);
    }

    /// <summary><c>yyyy-MM-dd</c> (digits and dashes; the calendar check is .NET's).</summary>
    public static bool IsDate(ReadOnlySpan<byte> s) =>
        s.Length == 10 && Digits(s[..4]) && s[4] == '-' && Digits(s.Slice(5, 2)) && s[7] == '-' && Digits(s.Slice(8, 2));

    /// <summary><c>HH:mm:ss[.fffffff]</c>, hours 00-23, minutes and seconds 00-59.</summary>
    public static bool IsTime(ReadOnlySpan<byte> s)
    {
        if (s.Length < 8 || !IsHms(s[..8]))
        {
            return false;
        }

        int i = SkipFraction(s, 8, maxDigits: 7);
        return i == s.Length;
    }

    /// <summary><c>^-?(\d+\.)?([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?$</c>, the schema's TimeSpan pattern.</summary>
    public static bool IsTimeSpan(ReadOnlySpan<byte> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        // Optional "days." prefix: digits followed by a dot before the hh:mm:ss part.
        int digits = 0;
        while (i + digits < s.Length && IsDigit(s[i + digits]))
        {
            digits++;
        }

        if (digits > 0 && i + digits < s.Length && s[i + digits] == '.')
        {
            if (digits > 8)
            {
                return false;
            }

            i += digits + 1;
        }

        if (s.Length - i < 8 || !IsHms(s.Slice(i, 8)))
        {
            return false;
        }

        return SkipFraction(s, i + 8, maxDigits: 7) == s.Length;
    }

    /// <summary>Starts with an RFC 3986 scheme (<c>https:</c>); .NET alone would take "/path" as a file URI on Unix.</summary>
    public static bool HasScheme(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter((char)s[0]))
        {
            return false;
        }

        for (int i = 1; i < s.Length; i++)
        {
            byte b = s[i];
            if (b == ':')
            {
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsHms(ReadOnlySpan<byte> s) =>
        s.Length == 8 && Digits(s[..2]) && s[2] == ':' && Digits(s.Slice(3, 2)) && s[5] == ':' && Digits(s.Slice(6, 2))
        && Two(s, 0) <= 23 && Two(s, 3) <= 59 && Two(s, 6) <= 59;

    private static bool IsOffset(ReadOnlySpan<byte> s)
    {
        if (s.Length == 1)
        {
            return (s[0] | 0x20) == 'z';
        }

        return s.Length == 6 && (s[0] == '+' || s[0] == '-') && Digits(s.Slice(1, 2)) && s[3] == ':' && Digits(s.Slice(4, 2))
            && Two(s, 1) <= 23 && Two(s, 4) <= 59;
    }

    // Returns the index after an optional ".digits" at start, or -1 for a dot without digits (or too many digits).
    private static int SkipFraction(ReadOnlySpan<byte> s, int start, int maxDigits = 16)
    {
        if (start >= s.Length || s[start] != '.')
        {
            return start;
        }

        int i = start + 1;
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
        }

        int count = i - start - 1;
        return count == 0 || count > maxDigits ? -1 : i;
    }

    private static int Two(ReadOnlySpan<byte> s, int at) => ((s[at] - '0') * 10) + (s[at + 1] - '0');

    private static bool Digits(ReadOnlySpan<byte> s)
    {
        foreach (byte b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
