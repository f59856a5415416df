using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// Near-valid payloads: a valid argument object with exactly one thing changed (a field missing, a wrong type, out of
/// range, null, an extra field, a wrong enum case, a malformed date, too deep, too long, a duplicate name, a bad
/// number spelling, truncation). Whether the result is still valid is for the oracle to say, not for the mutator.
/// </summary>
internal static class Mutation
{
    public const int Kinds = 12;

    private const string Marker = "\u0001MUTANT\u0001";

    /// <summary>One spot of the tree where a value can be changed: its container, key or index, and its schema.</summary>
    private sealed record Spot(JsonNode Container, string? Key, int Index, SchemaNode Schema);

    public static Gen<(string Kind, string Json)> Of(JsonObject valid, SchemaNode rootSchema) =>
        Gen.Select(Gen.Int[0, Kinds - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, where, what) => Apply(valid, rootSchema, kind, where, what));

    private static (string Kind, string Json) Apply(JsonObject valid, SchemaNode rootSchema, int kind, int where, int what)
    {
        JsonObject root = (JsonObject)valid.DeepClone();
        List<Spot> spots = [];
        Collect(root, rootSchema, spots);
        Spot? spot = spots.Count == 0 ? null : spots[where % spots.Count];
        string? replacement = null;
        string label;
        switch (kind)
        {
            case 0 when spot is not null:
                label = "missing";
                Remove(spot);
                break;
            case 1 when spot is not null:
                label = "wrong type";
                Set(spot, Pick<JsonNode>(what, JsonValue.Create("text"), JsonValue.Create(12), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonObject()));
                break;
            case 2 when spot is not null:
                label = "out of range";
                replacement = OutOfRange(spot, what);
                break;
            case 3 when spot is not null:
                label = "null";
                Set(spot, null);
                break;
            case 4:
                label = "extra field";
                JsonObject target = spot?.Container as JsonObject ?? root;
                target["extra_" + (what % 3)] = 1;
                break;
            case 5 when spot is not null && Get(spot) is JsonValue v && v.TryGetValue(out string? s):
                label = "enum case";
                Set(spot, JsonValue.Create((what % 3) switch { 0 => s.ToUpperInvariant(), 1 => s.ToLowerInvariant(), _ => char.ToUpperInvariant(s.FirstOrDefault()) + s[Math.Min(1, s.Length)..] }));
                break;
            case 6 when spot is not null:
                label = "malformed format";
                Set(spot, JsonValue.Create(Pick(what, BadFormats)));
                break;
            case 7:
                label = "too deep";
                replacement = new string('[', 65 + (what % 10)) + new string(']', 65 + (what % 10));
                break;
            case 8:
                // Rare on purpose (megabytes per case): just over the 4 MiB limit, or long but under it.
                label = "too long";
                replacement = "\"" + new string('x', what % 2 == 0 ? 4 * 1024 * 1024 : 70_000) + "\"";
                break;
            case 9:
                label = "duplicate name";
                string text = JsonText.Of(root);
                if (root.Count == 0)
                {
                    return (label, "{\"a\":1,\"a\":1}");
                }

                var first = root.First();
                return (label, text[..^1] + "," + JsonText.Of(new JsonObject { [first.Key] = first.Value?.DeepClone() })[1..]);
            case 10 when spot is not null:
                label = "number spelling";
                replacement = Pick(what, "1.0", "1e2", "-0", "01", "+1", ".5", "1.", "0x10", "NaN", "Infinity", "1E+2", "100.000", "-9223372036854775809", "18446744073709551616", "1e-400", "79228162514264337593543950336");
                break;
            default:
                label = "truncated";
                string whole = JsonText.Of(root);
                return (label, whole[..(what % Math.Max(1, whole.Length))]);
        }

        if (replacement is not null)
        {
            JsonValue marker = JsonValue.Create(Marker);
            if (spot is null)
            {
                root["extra"] = marker;
            }
            else
            {
                Set(spot, marker);
            }

            return (label, JsonText.Of(root).Replace("\"\\u0001MUTANT\\u0001\"", replacement, StringComparison.Ordinal));
        }

        return (label, JsonText.Of(root));
    }

    private static readonly string[] BadFormats =
    [
        "2025-13-01", "2025-02-30", "2025-02-29", "2024-02-29", "0000-01-01", "2025-1-5", "2025-01-31T25:00:00Z",
        "2025-01-31 09:30:00Z", "2025-01-31T09:30:00", "2025-01-31t09:30:00z", "2025-01-31T09:30:00.123456789Z",
        "2025-01-31T09:30:60Z", "2025-01-31T09:30:00+1:00", "2025-01-31T09:30:00+24:00", "2025-01-31T09:30Z",
        "2025-01-31T09:30:00Z ", " 2025-01-31", "2025-01-31T09:30:00.Z", "24:00:00", "09:30", "09:30:00Z",
        "09:30:00.12345678", "9:30:00", "1:00:01", "1.25:00:00", "-00:00:01", "10675200.00:00:00", "00:00:00.",
        "123e4567e89b12d3a456426614174000", "{123e4567-e89b-12d3-a456-426614174000}", "123E4567-E89B-12D3-A456-426614174000",
        "/relative/path", "example.com", "https://", "mailto:x", "a@b", "@b.com", "a@", "a b@c.com", "x:y",
        "c:\\windows", "\\\\server\\share", "",
    ];

    private static string OutOfRange(Spot spot, int what)
    {
        SchemaNode schema = spot.Schema;
        switch (schema.Type)
        {
            case "integer":
                decimal? max = schema.Number("maximum");
                decimal? min = schema.Number("minimum");
                return what % 2 == 0 && max is not null ? (max.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : min is not null ? (min.Value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1e400";
            case "number":
                return Pick(what, "1e400", "-1e400", "3.5e38", "-3.5e38", "1e29", "1.7976931348623157e309", "0", "1", "1.0000001");
            case "string":
                int? maxLength = schema.Int("maxLength");
                int? minLength = schema.Int("minLength");
                return maxLength is int l && what % 2 == 0 ? "\"" + new string('a', l + 1) + "\""
                    : minLength is int m && m > 0 ? "\"" + new string('a', m - 1) + "\"" : "\"\ud83d\ude00\"";
            case "array":
                int? maxItems = schema.Int("maxItems");
                return maxItems is int n ? "[" + string.Join(",", Enumerable.Repeat("\"a\"", n + 1)) + "]" : "[]";
            default:
                return "\"\"";
        }
    }

    private static void Collect(JsonNode node, SchemaNode schema, List<Spot> spots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                SchemaNode? childSchema = schema.Values ?? schema.Properties.Where(p => p.Name == name).Select(p => (SchemaNode?)p.Schema).FirstOrDefault();
                if (childSchema is SchemaNode c)
                {
                    spots.Add(new Spot(obj, name, -1, c));
                    if (child is not null)
                    {
                        Collect(child, c, spots);
                    }
                }
            }
        }
        else if (node is JsonArray array && schema.Items is SchemaNode items)
        {
            for (int i = 0; i < array.Count; i++)
            {
                spots.Add(new Spot(array, null, i, items));
                if (array[i] is JsonNode item)
                {
                    Collect(item, items, spots);
                }
            }
        }
    }

    private static JsonNode? Get(Spot spot) => spot.Key is not null ? spot.Container[spot.Key] : spot.Container[spot.Index];

    private static void Set(Spot spot, JsonNode? value)
    {
        if (spot.Key is not null)
        {
            ((JsonObject)spot.Container)[spot.Key] = value;
        }
        else
        {
            ((JsonArray)spot.Container)[spot.Index] = value;
        }
    }

    private static void Remove(Spot spot)
    {
        if (spot.Key is not null)
        {
            ((JsonObject)spot.Container).Remove(spot.Key);
        }
        else
        {
            ((JsonArray)spot.Container).RemoveAt(spot.Index);
        }
    }

    private static T Pick<T>(int what, params T[] choices) => choices[what % choices.Length];
}
