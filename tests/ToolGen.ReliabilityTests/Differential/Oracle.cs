using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using ToolGen.Serialization;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// The expected verdict for a payload: NJsonSchema's against InputSchema (for strict tools after dropping the nulls their
/// parser reads as "absent"), after the README's documented rules that a draft-07 validator does not know:
/// the size and depth limits, duplicate names, RFC 8259 syntax (Newtonsoft accepts comments, NaN, leading zeros…),
/// the exact format shapes of the type table and the README's documented deviations (<see cref="FormatRules"/>), and
/// integral numbers with a fraction or exponent as integers (<see cref="IntegralNumbers"/>).
/// </summary>
internal sealed class Oracle
{
    private readonly JsonSchema _schema;
    private readonly bool _strict;
    private readonly JsonDocument _document;

    private Oracle(ToolDefinition tool, JsonSchema schema, bool strict)
    {
        Tool = tool;
        _schema = schema;
        _strict = strict;
        _document = JsonDocument.Parse(tool.InputSchema);
    }

    public ToolDefinition Tool { get; }

    public SchemaNode Schema => new(_document.RootElement, _document.RootElement);

    public static async Task<Oracle> CreateAsync(ToolDefinition tool) =>
        new(tool, await NJsonSchemaOf(tool.InputSchema), tool.Strict);

    /// <summary>
    /// NJsonSchema resolves references under draft-07's "definitions", not 2020-12's "$defs". "format":"email" is
    /// left out: the README documents that [EmailAddress] follows DataAnnotations instead (a rule of FormatRules).
    /// </summary>
    private static Task<JsonSchema> NJsonSchemaOf(string schema) =>
        JsonSchema.FromJsonAsync(schema.Replace("\"$defs\"", "\"definitions\"").Replace("#/$defs/", "#/definitions/").Replace(",\"format\":\"email\"", "", StringComparison.Ordinal));

    /// <summary>Valid, invalid, or null when NJsonSchema itself fails on the payload and no rule decides.</summary>
    public (bool? Valid, string Reason) Judge(string json)
    {
        if (Encoding.UTF8.GetByteCount(json) > ToolArgumentLimits.MaxBytes)
        {
            return (false, "limit: size");
        }

        if (string.IsNullOrWhiteSpace(json) && json.All(c => c is ' ' or '\t' or '\r' or '\n'))
        {
            json = "{}"; // documented: models send "" for tools without parameters
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1024 });
        }
        catch (JsonException)
        {
            return (false, "syntax");
        }

        using (document)
        {
            if (Depth(document.RootElement) > ToolArgumentLimits.MaxDepth)
            {
                return (false, "limit: depth");
            }

            if (HasDuplicate(document.RootElement))
            {
                return (false, "duplicate name");
            }

            string? rule = FormatRules.Violation(Schema, document.RootElement, Tool.Name);

            // Documented for strict tools: null for an optional, non-nullable member reads as "absent".
            string judged = _strict ? StrictNulls.Remove(Schema, document.RootElement) : json;
            judged = IntegralNumbers.AsIntegers(judged); // documented: 5.0 is an integer (draft 2020-12)

            // Integers beyond 64 bits and number bounds are decided here; NJsonSchema gets a payload it can read.
            JsonNode? payload = JsonNode.Parse(judged);
            if (OracleRewrite.Apply(Schema, ref payload) is string decided)
            {
                rule ??= decided;
            }

            bool? schemaValid = Validate(_schema, JsonText.Of(payload));

            return (rule, schemaValid) switch
            {
                (not null, _) => (false, "documented: " + rule),
                (null, true) => (true, "valid"),
                (null, false) => (false, "schema"),
                (null, null) => (null, "undecidable: " + NJsonSchemaThrew),
            };
        }
    }

    public const string NJsonSchemaThrew = "NJsonSchema threw (integers beyond 64 bits)";

    private static bool? Validate(JsonSchema schema, string json)
    {
        try
        {
            return schema.Validate(json).Count == 0;
        }
        catch (Exception)
        {
            // NJsonSchema throws on integers beyond 64 bits (Newtonsoft makes them BigInteger) and on some numbers.
            return null;
        }
    }

    private static int Depth(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => 1 + MaxOf(element.EnumerateObject(), p => Depth(p.Value)),
        JsonValueKind.Array => 1 + MaxOf(element.EnumerateArray(), Depth),
        _ => 0,
    };

    private static int MaxOf<T>(IEnumerable<T> items, Func<T, int> f)
    {
        int max = 0;
        foreach (T item in items)
        {
            max = Math.Max(max, f(item));
        }

        return max;
    }

    private static bool HasDuplicate(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in element.EnumerateObject())
            {
                if (!names.Add(p.Name) || HasDuplicate(p.Value))
                {
                    return true;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                if (HasDuplicate(item))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
