using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// The README's type-table rules that NJsonSchema (a draft-07 validator, lenient on formats) does not check, written
/// here independently of the runtime's IsoFormats: RFC 3339 date-time (offset optional only for DateTime), date,
/// time as HH:mm:ss[.fffffff] without offset, 8-4-4-4-12 UUIDs, absolute URIs with a scheme, and numbers that fit
/// the parameter's .NET type (finite; float and decimal ranges).
/// </summary>
internal static partial class FormatRules
{
    /// <summary>Properties of the corpus declared as DateTimeOffset (an offset is required) — the schema cannot tell.</summary>
    private static readonly string[] s_offsetRequired = ["at"];

    /// <summary>
    /// Disagreements found by these tests and reported (see docs/reliability.md), not documented in the README yet:
    /// the parser rejects RFC 3339's lower-case 't'/'z' and offsets beyond ±14:00 (.NET's DateTimeOffset range); the
    /// parser's [EmailAddress] check is laxer than format email; [Url] is published as format uri but only http(s)/ftp
    /// pass. Payloads touching them are left undecided (the schema/parser pair is wrong, not the payload).
    /// They are counted apart so that they stay visible instead of silently passing.
    /// </summary>
    public static string? Known(SchemaNode schema, JsonElement value, string name = "")
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in value.EnumerateObject())
            {
                SchemaNode? child = schema.Values ?? schema.Properties.Where(x => x.Name == p.Name).Select(x => (SchemaNode?)x.Schema).FirstOrDefault();
                if (child is SchemaNode c && Known(c, p.Value, p.Name) is string found)
                {
                    return found;
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.Items is SchemaNode items)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (Known(items, item, name) is string found)
                {
                    return found;
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Number && schema.Number("exclusiveMinimum") is decimal bound && Math.Abs(value.GetDouble() - (double)bound) is > 0 and < 1e-20)
        {
            return "oracle: NJsonSchema compares bounds in decimal (28 digits)";
        }
        else if (value.ValueKind == JsonValueKind.String && schema.Format == "email" && !ConservativeEmailRegex().IsMatch(value.GetString()!))
        {
            return "email: parser applies [EmailAddress] (one '@'), laxer than format email";
        }
        else if (value.ValueKind == JsonValueKind.String && schema.Format == "uri" && !value.GetString()!.StartsWith("http", StringComparison.Ordinal) && !value.GetString()!.StartsWith("ftp:", StringComparison.Ordinal) && name == "site")
        {
            return "[Url]: schema says format uri, parser requires http/https/ftp";
        }
        else if (value.ValueKind == JsonValueKind.String && schema.Format == "date-time")
        {
            string s = value.GetString()!;
            Match m = DateTimeRegex().Match(s);
            if (m.Success && (s.Contains('t') || s.Contains('z')))
            {
                return "lower-case t/z";
            }

            if (m.Success && m.Groups["offset"].Value is [_, _, _, ..] offset && Math.Abs(int.Parse(offset[1..3], CultureInfo.InvariantCulture) * 60 + int.Parse(offset[4..6], CultureInfo.InvariantCulture)) > 14 * 60)
            {
                return "offset beyond ±14:00";
            }
        }

        return null;
    }

    public static string? Violation(SchemaNode schema, JsonElement value, string name = "")
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when schema.Type == "object":
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    SchemaNode? child = schema.Values ?? schema.Properties.Where(x => x.Name == p.Name).Select(x => (SchemaNode?)x.Schema).FirstOrDefault();
                    if (child is SchemaNode c && Violation(c, p.Value, p.Name) is string found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array when schema.Items is SchemaNode items:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (Violation(items, item, name) is string found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                return String(schema, value.GetString()!, name);
            case JsonValueKind.Number when schema.Type == "number":
                return Number(value.GetRawText(), name);
            default:
                return null;
        }
    }

    private static string? String(SchemaNode schema, string s, string name)
    {
        return schema.Format switch
        {
            "date-time" when !IsDateTime(s, s_offsetRequired.Contains(name)) => "date-time is RFC 3339" + (s_offsetRequired.Contains(name) ? " with offset" : ""),
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

    private static string? Number(string raw, string name)
    {
        double d = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            return "numbers are finite";
        }

        if (name == "f32" && !float.IsFinite((float)d))
        {
            return "float range";
        }

        if (name == "dec" && !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return "decimal range";
        }

        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"^[a-z0-9]+@[a-z0-9]+(\.[a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConservativeEmailRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRegex();
}
