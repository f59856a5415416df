using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// CsCheck generators of argument values that are valid against a schema, built from the schema itself so that every
/// tool of the corpus (and any tool added to it) is covered without hand-written generators.
/// </summary>
internal static class ValidGen
{
    // Text that needs escaping, non-ASCII and astral characters: the parser must decode all of them as sent.
    private const string Alphabet = "abcXYZ09 _-.\"\\/\b\f\n\r\t\u0001\u001féü中文\u2028\ud83d\ude00";

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char[Alphabet], 0, 12].Select(FixSurrogates),
        Gen.OneOf<string>("", "Paris", "null", "0", "true"));

    public static Gen<JsonNode?> For(SchemaNode schema, int depth = 0)
    {
        Gen<JsonNode?> value = NonNull(schema, depth);
        return schema.Nullable && schema.Type is not null
            ? Gen.Frequency((1, Gen.Const<JsonNode?>((JsonNode?)null)), (4, value))
            : value;
    }

    private static Gen<JsonNode?> NonNull(SchemaNode schema, int depth)
    {
        if (schema.Enum is JsonElement values)
        {
            // Names, not nodes: a node can only have one parent, so each generated value must be a new one.
            string[] names = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetString()!).ToArray();
            return Gen.OneOf<string>(names).Select(JsonNode? (name) => JsonValue.Create(name));
        }

        return schema.Type switch
        {
            null => AnyJson(3),
            "boolean" => Gen.Bool.Select(JsonNode? (b) => JsonValue.Create(b)),
            "integer" => Integer(schema),
            "number" => Number(schema),
            "string" => String(schema).Select(JsonNode? (s) => JsonValue.Create(s)),
            "array" => Array(schema, depth),
            "object" => schema.Values is SchemaNode values2 ? Dictionary(values2, depth) : Object(schema, depth),
            string other => throw new NotSupportedException(other),
        };
    }

    /// <summary>Any JSON value (for JsonElement/JsonNode parameters), nested at most <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> AnyJson(int depth)
    {
        var leaves = Gen.OneOf(
            Gen.Const<JsonNode?>((JsonNode?)null),
            Gen.Bool.Select(JsonNode? (b) => JsonValue.Create(b)),
            Gen.Long.Select(JsonNode? (l) => JsonValue.Create(l)),
            Gen.Double[-1e9, 1e9].Select(JsonNode? (d) => JsonValue.Create(d)),
            s_text.Select(JsonNode? (s) => JsonValue.Create(s)));
        if (depth == 0)
        {
            return leaves;
        }

        Gen<JsonNode?> inner = AnyJson(depth - 1);
        return Gen.Frequency(
            (4, leaves),
            (1, inner.Array[0, 3].Select(JsonNode? (items) => new JsonArray(items))),
            (1, Gen.Select(Key, inner).Array[0, 3].Select(JsonNode? (pairs) => ObjectOf(pairs))));
    }

    private static readonly Gen<string> Key = Gen.OneOf(Gen.String[Gen.Char["abkey_é\"\\"], 1, 6], Gen.OneOf<string>("a", "b", "name"));

    private static Gen<JsonNode?> Integer(SchemaNode schema)
    {
        BigInteger min = new(schema.Number("minimum") ?? long.MinValue);
        BigInteger max = new(schema.Number("maximum") ?? long.MaxValue);
        BigInteger span = max - min + 1;
        Gen<BigInteger> inRange = Gen.ULong.Select(r => min + (new BigInteger(r) % span));
        Gen<BigInteger> edges = Gen.OneOf<BigInteger>(min, max, BigInteger.Clamp(0, min, max), BigInteger.Clamp(1, min, max), BigInteger.Clamp(-1, min, max));
        Gen<BigInteger> small = Gen.Int[-100, 100].Select(i => BigInteger.Clamp(i, min, max));
        return Gen.Frequency((2, inRange), (2, edges), (3, small))
            .Select(JsonNode? (v) => JsonNode.Parse(v.ToString(CultureInfo.InvariantCulture)));
    }

    private static Gen<JsonNode?> Number(SchemaNode schema)
    {
        double min = (double)(schema.Number("minimum") ?? schema.Number("exclusiveMinimum") ?? -1e15m);
        double max = (double)(schema.Number("maximum") ?? schema.Number("exclusiveMaximum") ?? 1e15m);
        bool exclusiveMin = schema.Number("exclusiveMinimum") is not null;
        bool exclusiveMax = schema.Number("exclusiveMaximum") is not null;

        // Within float's and decimal's range and precision, so that every number property of the table can hold them;
        // the out-of-range cases are the mutator's job.
        Gen<double> values = Gen.Frequency(
            (3, Gen.Double[min, max]),
            (2, Gen.Int[-1000, 1000].Select(i => (double)i)),
            (2, Gen.Float.Where(float.IsFinite).Select(f => (double)f).Where(d => Math.Abs(d) < 1e15 && (d == 0 || Math.Abs(d) > 1e-15))),
            (1, Gen.OneOf<double>(0.1, 0.5, 1e-7, 123.456, -0.0, 1e15)));
        return values
            .Where(d => (exclusiveMin ? d > min : d >= min) && (exclusiveMax ? d < max : d <= max))
            .Select(JsonNode? (d) => JsonValue.Create(d));
    }

    /// <summary>
    /// Strings of the schema's format or length; with a pattern, only those that match it (the pattern is part of the
    /// schema: [Url] adds one to format uri, so a valid URI of another scheme is not a valid argument).
    /// </summary>
    private static Gen<string> String(SchemaNode schema)
    {
        Gen<string> candidates = Candidates(schema);
        if (schema.Pattern is string pattern)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant);
            return candidates.Where(regex.IsMatch);
        }

        return candidates;
    }

    private static Gen<string> Candidates(SchemaNode schema)
    {
        switch (schema.Format)
        {
            case "date-time":
                return Gen.Select(Date, Time, Offset, (d, t, o) => d + "T" + t + o);
            case "date":
                return Date;
            case "time":
                return Time;
            case "uuid":
                return Gen.Guid.Select(g => g.ToString("D"));
            case "uri":
                return Gen.Select(Gen.OneOf<string>("https", "http", "ftp", "https", "http", "ftp", "urn", "mailto", "file"), Gen.String[Gen.Char["abcz09-"], 1, 8], (scheme, rest) =>
                    scheme is "urn" or "mailto" ? $"{scheme}:{rest}" : $"{scheme}://{rest}.example/{rest}?q={rest}");
            case "email":
                return Gen.Select(Gen.String[Gen.Char["abc9"], 1, 6], Gen.String[Gen.Char["abc9"], 1, 6], (local, domain) => $"x{local}@{domain}.com");
        }

        if (schema.Pattern is string pattern)
        {
            // The two patterns without a format in the corpus: TimeSpan's "c" format, and the annotated slug (then
            // filtered by the pattern itself, so a new pattern fails loudly instead of passing unchecked).
            return pattern.StartsWith("^-?", StringComparison.Ordinal) ? TimeSpanText : Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 8];
        }

        int minLength = schema.Int("minLength") ?? 0;
        int maxLength = schema.Int("maxLength") ?? 12;
        if (minLength == 1 && maxLength == 1)
        {
            return Gen.Char[Alphabet.Replace("\ud83d\ude00", "", StringComparison.Ordinal)].Select(c => c.ToString());
        }

        return Gen.String[Gen.Char[Alphabet.Replace("\ud83d\ude00", "", StringComparison.Ordinal)], minLength, maxLength];
    }

    public static readonly Gen<string> Date = Gen.DateOnly[new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31)]
        .Select(d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));

    public static readonly Gen<string> Time = Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59], Gen.String[Gen.Char["0123456789"], 0, 7], (h, m, s, f) =>
        $"{h:00}:{m:00}:{s:00}" + (f.Length == 0 ? "" : "." + f));

    private static readonly Gen<string> Offset = Gen.OneOf(
        Gen.OneOf<string>("Z", "+00:00", "-00:00"),
        Gen.Select(Gen.Bool, Gen.Int[0, 13], Gen.OneOf<int>(0, 30, 45), (plus, h, m) => $"{(plus ? '+' : '-')}{h:00}:{m:00}"));

    private static readonly Gen<string> TimeSpanText = Gen.Select(Gen.Bool, Gen.Int[-1, 10675198], Gen.Int[0, 23], Gen.Int[0, 59], Gen.Int[0, 59], Gen.String[Gen.Char["0123456789"], 0, 7],
        (negative, days, h, m, s, f) =>
            (negative ? "-" : "") + (days < 0 ? "" : days + ".") + $"{h:00}:{m:00}:{s:00}" + (f.Length == 0 ? "" : "." + f));

    private static Gen<JsonNode?> Array(SchemaNode schema, int depth)
    {
        if (depth > 3)
        {
            // Generators are built eagerly: recursive types ($ref) stop here with empty arrays.
            return Gen.Const(0).Select(JsonNode? (_) => new JsonArray());
        }

        SchemaNode items = schema.Items!.Value;
        int min = schema.Int("minItems") ?? 0;
        int max = Math.Max(min, Math.Min(schema.Int("maxItems") ?? 4, depth > 2 ? min : 4));
        Gen<JsonNode?[]> array = For(items, depth + 1).Array[min, max];
        if (schema.UniqueItems)
        {
            array = array.Select(a => a.DistinctBy(n => n?.ToJsonString() ?? "null").ToArray()).Where(a => a.Length >= min);
        }

        return array.Select(JsonNode? (a) => new JsonArray(a));
    }

    private static Gen<JsonNode?> Dictionary(SchemaNode values, int depth) =>
        Gen.Select(Key, For(values, depth + 1)).Array[0, 3].Select(JsonNode? (pairs) => ObjectOf(pairs));

    private static Gen<JsonNode?> Object(SchemaNode schema, int depth)
    {
        HashSet<string> required = schema.Required;
        Gen<(string, JsonNode?)?>[] members = schema.Properties
            .Select(p =>
            {
                Gen<(string, JsonNode?)?> present = For(p.Schema, depth + 1).Select(v => ((string, JsonNode?)?)(p.Name, v));
                return required.Contains(p.Name) ? present : Gen.Frequency((1, Gen.Const<(string, JsonNode?)?>(((string, JsonNode?)?)null)), (1, present));
            })
            .ToArray();
        return Sequence(members).Select(JsonNode? (list) =>
            ObjectOf(list.Where(m => m is not null).Select(m => m!.Value).ToArray()));
    }

    /// <summary>One value from each generator, in order (CsCheck composes by SelectMany).</summary>
    public static Gen<List<T>> Sequence<T>(IReadOnlyList<Gen<T>> gens)
    {
        Gen<List<T>> result = Gen.Const(0).Select(_ => new List<T>());
        foreach (Gen<T> gen in gens)
        {
            result = Gen.Select(result, gen, (list, item) =>
            {
                var copy = new List<T>(list) { item };
                return copy;
            });
        }

        return result;
    }

    private static JsonObject ObjectOf(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var obj = new JsonObject();
        foreach ((string key, JsonNode? value) in pairs)
        {
            obj[key] = value; // a repeated key replaces the first: generated objects never hold duplicates
        }

        return obj;
    }

    /// <summary>Drops lone surrogate halves that character-wise generation can split off an astral character.</summary>
    private static string FixSurrogates(string s)
    {
        var builder = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                builder.Append(s, i++, 2);
            }
            else if (!char.IsSurrogate(s[i]))
            {
                builder.Append(s[i]);
            }
        }

        return builder.ToString();
    }
}
