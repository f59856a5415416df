using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// Compares what an echo tool returned with the arguments it was sent, guided by the schema: the same value, in the
/// type's canonical spelling (instants for date-times, Guid values, TimeOnly/TimeSpan values, numbers by value —
/// float parameters, and only they, at float precision), and the schema default for an absent optional argument.
/// A date-time's fraction beyond 7 digits is compared truncated, as the README documents (.NET's 100 ns ticks).
/// </summary>
internal static class Echo
{
    /// <param name="tool">For the root object of a tool's arguments: its members are parameters of known .NET types.</param>
    /// <param name="clr">The .NET type of this value where known (top-level parameters and their items).</param>
    public static string? Mismatch(SchemaNode schema, JsonElement sent, JsonElement got, string path = "", string? tool = null, Type? clr = null)
    {
        if (sent.ValueKind == JsonValueKind.Null)
        {
            return got.ValueKind == JsonValueKind.Null ? null : $"{path}: sent null, got {got.GetRawText()}";
        }

        if (schema.Type is null)
        {
            return JsonElement.DeepEquals(sent, got) ? null : $"{path}: sent {sent.GetRawText()}, got {got.GetRawText()}";
        }

        switch (schema.Type)
        {
            case "object" when schema.Values is SchemaNode values:
                if (got.ValueKind != JsonValueKind.Object || got.EnumerateObject().Count() != sent.EnumerateObject().Count())
                {
                    return $"{path}: sent {sent.GetRawText()}, got {got.GetRawText()}";
                }

                foreach (JsonProperty p in sent.EnumerateObject())
                {
                    if (!got.TryGetProperty(p.Name, out JsonElement g))
                    {
                        return $"{path}.{p.Name}: missing from the echo";
                    }

                    if (Mismatch(values, p.Value, g, path + "." + p.Name, clr: ClrTypes.ElementOf(clr)) is string m)
                    {
                        return m;
                    }
                }

                return null;
            case "object":
                foreach (var (name, child) in schema.Properties)
                {
                    bool present = sent.TryGetProperty(name, out JsonElement s);
                    if (present && s.ValueKind == JsonValueKind.Null && !child.Nullable)
                    {
                        present = false; // a strict tool's null for an optional argument means "absent"
                    }

                    JsonElement expected = present ? s : child.Default ?? default;
                    if (expected.ValueKind == JsonValueKind.Undefined)
                    {
                        continue; // absent without a schema default: the member keeps its initializer
                    }

                    if (!got.TryGetProperty(name, out JsonElement g))
                    {
                        return $"{path}.{name}: missing from the echo";
                    }

                    if (Mismatch(child, expected, g, path + "." + name, clr: tool is null ? null : ClrTypes.Of(tool, name)) is string m)
                    {
                        return m;
                    }
                }

                return null;
            case "array":
                var sentItems = sent.EnumerateArray().ToArray();
                var gotItems = got.ValueKind == JsonValueKind.Array ? got.EnumerateArray().ToArray() : [];
                if (sentItems.Length != gotItems.Length)
                {
                    return $"{path}: sent {sentItems.Length} items, got {got.GetRawText()}";
                }

                for (int i = 0; i < sentItems.Length; i++)
                {
                    // Sets may enumerate in another order: then any item may match.
                    Type? item = ClrTypes.ElementOf(clr);
                    if (Mismatch(schema.Items!.Value, sentItems[i], gotItems[i], $"{path}[{i}]", clr: item) is string m
                        && !(schema.UniqueItems && gotItems.Any(g => Mismatch(schema.Items!.Value, sentItems[i], g, clr: item) is null)))
                    {
                        return m;
                    }
                }

                return null;
            default:
                return Leaf(schema, sent, got, clr) ? null : $"{path}: sent {sent.GetRawText()}, got {got.GetRawText()}";
        }
    }

    private static bool Leaf(SchemaNode schema, JsonElement sent, JsonElement got, Type? clr)
    {
        if (sent.ValueKind != got.ValueKind && !(schema.Type == "number" && got.ValueKind == JsonValueKind.Number))
        {
            return false;
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        switch (schema.Type)
        {
            case "integer":
                return BigInteger.Parse(sent.GetRawText(), NumberStyles.Float, c) == BigInteger.Parse(got.GetRawText(), NumberStyles.Float, c);
            case "number":
                double s = double.Parse(sent.GetRawText(), c), g = double.Parse(got.GetRawText(), c);
                return s == g
                    || (clr == typeof(float) && (float)s == (float)g)
                    || (clr == typeof(decimal) && decimal.TryParse(sent.GetRawText(), NumberStyles.Float, c, out decimal ds) && decimal.TryParse(got.GetRawText(), NumberStyles.Float, c, out decimal dg) && ds == dg);
            case "boolean":
                return sent.GetBoolean() == got.GetBoolean();
        }

        string a = sent.GetString()!, b = got.GetString()!;
        return schema.Format switch
        {
            "date-time" => DateTimeOffset.Parse(Ticks(a), c, DateTimeStyles.AssumeUniversal) == DateTimeOffset.Parse(b, c, DateTimeStyles.AssumeUniversal),
            "time" => TimeOnly.Parse(a, c) == TimeOnly.Parse(b, c),
            "uuid" => Guid.Parse(a) == Guid.Parse(b),
            _ when schema.Pattern?.StartsWith("^-?", StringComparison.Ordinal) == true => TimeSpan.ParseExact(a, "c", c) == TimeSpan.ParseExact(b, "c", c),
            _ => string.Equals(a, b, StringComparison.Ordinal),
        };
    }

    /// <summary>A date-time with its fraction cut to 7 digits (.NET's parser would round the rest, ToolGen truncates).</summary>
    private static string Ticks(string dateTime)
    {
        int dot = dateTime.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return dateTime;
        }

        int end = dot + 1;
        while (end < dateTime.Length && char.IsAsciiDigit(dateTime[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? dateTime : dateTime[..(dot + 8)] + dateTime[end..];
    }
}
