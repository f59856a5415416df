using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// Where NJsonSchema cannot judge a value, this decides it and hands NJsonSchema a payload it can read with the same
/// verdict for everything else. NJsonSchema (Newtonsoft) throws on integers beyond 64 bits, and compares number bounds
/// in decimal, so a double within 1e-28 of a bound is beyond it. Integers are judged here by value at any size
/// (<see cref="BigInteger"/>), number bounds as the parser compares them: in double.
/// </summary>
internal static class OracleRewrite
{
    public const string IntegerRange = "integers must lie within the type's minimum and maximum";

    public const string NumberBound = "numbers must lie within their bounds";

    /// <summary>The rule a value breaks, or null; then <paramref name="payload"/> is what NJsonSchema should judge.</summary>
    public static string? Apply(SchemaNode? schema, ref JsonNode? payload)
    {
        switch (payload)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    SchemaNode? child = schema is SchemaNode s ? s.Values ?? s.Properties.Where(p => p.Name == name).Select(p => (SchemaNode?)p.Schema).FirstOrDefault() : null;
                    JsonNode? rewritten = value;
                    if (Apply(child, ref rewritten) is string rule)
                    {
                        return rule;
                    }

                    if (!ReferenceEquals(rewritten, value))
                    {
                        obj[name] = rewritten;
                    }
                }

                return null;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    JsonNode? item = array[i];
                    JsonNode? rewritten = item;
                    if (Apply(schema?.Items, ref rewritten) is string rule)
                    {
                        return rule;
                    }

                    if (!ReferenceEquals(rewritten, item))
                    {
                        array[i] = rewritten;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return Number(schema, value.ToJsonString(), ref payload);
            default:
                return null;
        }
    }

    private static string? Number(SchemaNode? schema, string raw, ref JsonNode? payload)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        bool integerSpelling = !raw.AsSpan().ContainsAny(".eE");
        if (schema?.Type == "integer" && integerSpelling)
        {
            BigInteger v = BigInteger.Parse(raw, c);
            if (v >= long.MinValue && v <= long.MaxValue)
            {
                return null; // NJsonSchema judges it
            }

            BigInteger min = new(schema.Value.Number("minimum") ?? long.MinValue), max = new(schema.Value.Number("maximum") ?? long.MaxValue);
            if (v < min || v > max)
            {
                return IntegerRange;
            }

            payload = JsonValue.Create((long)min); // in range: any in-range value gets the same verdict
            return null;
        }

        if (schema?.Type == "number")
        {
            double d = double.Parse(raw, NumberStyles.Float, c);
            if (double.IsFinite(d) && OutOfBounds(schema.Value, d))
            {
                return NumberBound;
            }

            // In bounds (or infinite, a FormatRules violation): a value NJsonSchema reads the same way apart from the
            // bounds, which are decided above.
            payload = JsonValue.Create(Inside(schema.Value));
            return null;
        }

        if (integerSpelling && !long.TryParse(raw, NumberStyles.AllowLeadingSign, c, out _))
        {
            payload = JsonValue.Create(0); // a number where none fits, or any JSON: 0 is judged the same way
        }

        return null;
    }

    private static bool OutOfBounds(SchemaNode schema, double d) =>
        (schema.Number("minimum") is decimal min && d < (double)min)
        || (schema.Number("maximum") is decimal max && d > (double)max)
        || (schema.Number("exclusiveMinimum") is decimal emin && d <= (double)emin)
        || (schema.Number("exclusiveMaximum") is decimal emax && d >= (double)emax);

    /// <summary>A number well inside the schema's bounds.</summary>
    private static decimal Inside(SchemaNode schema)
    {
        decimal? low = schema.Number("minimum") ?? schema.Number("exclusiveMinimum");
        decimal? high = schema.Number("maximum") ?? schema.Number("exclusiveMaximum");
        return (low, high) switch
        {
            (decimal l, decimal h) => (l + h) / 2,
            (decimal l, null) => l + 1,
            (null, decimal h) => h - 1,
            _ => 0,
        };
    }
}
