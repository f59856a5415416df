using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// The README's type-table rules that NJsonSchema (a draft-07 validator, lenient on formats) does not check, written
/// here independently of the runtime's IsoFormats: RFC 3339 date-time (offset optional only for DateTime, upper- or
/// lower-case T and Z), date, time as HH:mm:ss[.fffffff] without offset, 8-4-4-4-12 UUIDs, absolute URIs with a
/// scheme, numbers that fit the parameter's .NET type (finite; float and decimal ranges); and the README's documented
/// deviations from JSON Schema: offsets beyond ±14:00 and -0 for unsigned integers are rejected, [EmailAddress] is
/// DataAnnotations' rule instead of format email.
/// </summary>
internal static partial class FormatRules
{
    private static SchemaNode? ChildOf(SchemaNode schema, string name) =>
        schema.Values ?? schema.Properties.Where(x => x.Name == name).Select(x => (SchemaNode?)x.Schema).FirstOrDefault();

    /// <summary>
    /// The first value breaking a type-table rule the schema does not state, or null. <paramref name="tool"/> is given
    /// for the root object only: its members are the tool's parameters, whose .NET types the rules need.
    /// </summary>
    public static string? Violation(SchemaNode schema, JsonElement value, string? tool = null, Type? clr = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when schema.Type == "object":
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    Type? member = tool is null ? null : ClrTypes.Of(tool, p.Name);
                    if (ChildOf(schema, p.Name) is SchemaNode c && Violation(c, p.Value, clr: member) is string found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array when schema.Items is SchemaNode items:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (Violation(items, item, clr: ClrTypes.ElementOf(clr)) is string found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                return String(schema, value.GetString()!, clr);
            case JsonValueKind.Number when schema.Type == "number":
                return Number(value.GetRawText(), clr);
            case JsonValueKind.Number when schema.Type == "integer" && ClrTypes.IsUnsigned(clr) && value.GetRawText() == "-0":
                // README: "-0 for unsigned integers is rejected" (Utf8JsonReader's unsigned readers refuse a sign).
                return UnsignedMinusZero;
            default:
                return null;
        }
    }

    public const string UnsignedMinusZero = "-0 for an unsigned integer is rejected";

    public const string OffsetRange = "offsets beyond ±14:00 are rejected";

    public const string EmailRule = "[EmailAddress] is DataAnnotations' rule: one '@', neither first nor last";

    private static string? String(SchemaNode schema, string s, Type? clr)
    {
        bool offsetRequired = clr == typeof(DateTimeOffset);
        return schema.Format switch
        {
            "date-time" when !IsDateTime(s, offsetRequired) => "date-time is RFC 3339" + (offsetRequired ? " with offset" : ""),
            "date-time" when OffsetMinutes(s) is int minutes && Math.Abs(minutes) > 14 * 60 => OffsetRange,
            "email" when !(s.IndexOf('@') is int at && at > 0 && at == s.LastIndexOf('@') && at < s.Length - 1) => EmailRule,
            "time" when !TimeRegex().IsMatch(s) => "time is HH:mm:ss[.fffffff]",
            "uuid" when !UuidRegex().IsMatch(s) => "uuid is 8-4-4-4-12",
            "uri" when !(SchemeRegex().IsMatch(s) && Uri.TryCreate(s, UriKind.Absolute, out _)) => "uri is absolute with a scheme",
            _ => null,
        };
    }

    private static bool IsDateTime(string s, bool offsetRequired)
    {
        Match m = DateTimeRegex().Match(s);
        if (!m.Success || (offsetRequired && !m.Groups["offset"].Success))
        {
            return false;
        }

        // A real calendar day, and a time DateTime can hold (no leap second 60).
        return DateOnly.TryParseExact(s[..10], "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && int.Parse(s[11..13], CultureInfo.InvariantCulture) <= 23
            && int.Parse(s[14..16], CultureInfo.InvariantCulture) <= 59
            && int.Parse(s[17..19], CultureInfo.InvariantCulture) <= 59;
    }

    /// <summary>The numeric offset of an RFC 3339 date-time in minutes, null for Z or none.</summary>
    private static int? OffsetMinutes(string s)
    {
        Match m = DateTimeRegex().Match(s);
        if (!m.Success || m.Groups["offset"].Value is not [_, _, _, ..] offset)
        {
            return null;
        }

        int minutes = int.Parse(offset[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(offset[4..6], CultureInfo.InvariantCulture);
        return offset[0] == '-' ? -minutes : minutes;
    }

    private static string? Number(string raw, Type? clr)
    {
        double d = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            return "numbers are finite";
        }

        if (clr == typeof(float) && !float.IsFinite((float)d))
        {
            return "float range";
        }

        if (clr == typeof(decimal) && !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return "decimal range";
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRegex();
}
