using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;

namespace ToolGen.IntegrationTests;

/// <summary>
/// The schema and the parser agree: for a corpus of payloads, NJsonSchema's verdict against the tool's InputSchema
/// is the parser's verdict (duplicate property names, which JSON Schema cannot express, are the one extra rejection).
/// </summary>
public class SchemaAgreementTests
{
    public static IEnumerable<object[]> Corpus() => new (string Tool, string Json)[]
    {
        ("get_weather", """{"city":"Paris"}"""),
        ("get_weather", """{"city":"Paris","unit":"Fahrenheit"}"""),
        ("get_weather", """{"city":"Paris","unit":"Kelvin"}"""),
        ("get_weather", """{"city":"Paris","unit":null}"""),
        ("get_weather", """{"unit":"Celsius"}"""),
        ("get_weather", """{"city":"Paris","extra":1}"""),
        ("get_weather", """{"city":7}"""),
        ("get_weather", """{"city":null}"""),
        ("get_weather", """[]"""),
        ("scalars", """{"s":"s","b":true,"u8":255,"i8":-128,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":256,"i8":-128,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":-129,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":1,"i16":1,"u16":-1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":1,"i16":1,"u16":1,"i32":2147483648,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":1,"i16":1,"u16":1,"i32":1.5,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":"yes","u8":1,"i8":1,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"c"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":1,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1,"c":"cc"}"""),
        ("scalars", """{"s":"s","b":true,"u8":1,"i8":1,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1,"f64":1,"dec":1}"""),
        ("formats", """{"when":"2025-01-31T09:30:00Z","at":"2025-01-31T09:30:00+01:00","day":"2025-02-28","time":"00:00:00","span":"1.00:00:01","id":"123e4567-e89b-12d3-a456-426614174000","link":"https://x.y"}"""),
        ("formats", """{"when":"2025-01-31T09:30:00Z","at":"2025-01-31T09:30:00+01:00","day":"2025-02-28","time":"00:00:00","span":"1:00:01","id":"123e4567-e89b-12d3-a456-426614174000","link":"https://x.y"}"""),
        ("formats", """{"when":"2025-01-31T09:30:00Z","at":"2025-01-31T09:30:00+01:00","day":"2025-02-28","time":"00:00:00","span":"00:00:01","id":"123e4567-e89b-12d3-a456-426614174000"}"""),
        ("nullables", """{"count":null,"name":null,"unit":null,"when":null}"""),
        ("nullables", """{"count":1,"name":"x","unit":"Celsius","when":"2025-01-31T09:30:00Z"}"""),
        ("nullables", """{"count":"1","name":null,"unit":null,"when":null}"""),
        ("nullables", """{"count":null,"name":null,"unit":"Kelvin","when":null}"""),
        ("collections", """{"tags":["a"],"numbers":[1],"values":[1.5],"names":[],"unique":["a","b"],"counts":{"a":1},"labels":{"a":null}}"""),
        ("collections", """{"tags":["a",1],"numbers":[1],"values":[1.5],"names":[],"unique":[],"counts":{},"labels":{}}"""),
        ("collections", """{"tags":[],"numbers":[1],"values":[1.5],"names":[],"unique":["a","a"],"counts":{},"labels":{}}"""),
        ("collections", """{"tags":[],"numbers":[],"values":[],"names":[],"unique":[],"counts":{"a":"1"},"labels":{}}"""),
        ("collections", """{"tags":[],"numbers":[],"values":[],"names":[null],"unique":[],"counts":{},"labels":{}}"""),
        ("collections", """{"tags":null,"numbers":[],"values":[],"names":[],"unique":[],"counts":{},"labels":{}}"""),
        ("defaults", """{}"""),
        ("defaults", """{"days":2147483647,"priority":"high"}"""),
        ("defaults", """{"priority":"High"}"""),
        ("defaults", """{"ratio":"0.5"}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[{"sku":"a","quantity":100}]}}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[{"sku":"a","quantity":101}]}}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[{"quantity":1}]}}"""),
        ("place_order", """{"order":{"customer":"c","lines":[]}}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[],"shipTo":{"street_line":"s","floor":null}}}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[],"shipTo":{"street":"s"}}}"""),
        ("place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[],"priority":"Low","note":null}}"""),
        ("count_nodes", """{"root":{"name":"a","children":[{"name":"b","children":[]}]}}"""),
        ("count_nodes", """{"root":{"name":"a","children":[{"children":[]}]}}"""),
        ("count_nodes", """{"root":{"name":"a","children":[{"name":"b","bad":1}]}}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":["a"]}"""),
        ("annotated", """{"rating":0,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":["a"]}"""),
        ("annotated", """{"rating":1,"code":"abcdef","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":["a"]}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"ABC","email":"a@b.com","site":"https://x","color":"red","items":["a"]}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"blue","items":["a"]}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":[]}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":["a"],"share":0}"""),
        ("annotated", """{"rating":1,"code":"ab","slug":"abc","email":"a@b.com","site":"https://x","color":"red","items":["a"],"share":1}"""),
        ("any", """{"value":{"x":[1,{"y":null}]},"node":"text"}"""),
        ("move", """{"to":{"x":1,"y":2}}"""),
        ("move", """{"to":{"x":1}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":"","age":0,"tag":"a b"}}"""),
        ("create_contact", """{"contact":{"email":" ","nick":"","age":0,"tag":"a"}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":null,"age":0,"tag":"a"}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":"","age":null,"tag":"a"}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":"","age":1,"tag":""}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":"","age":1,"tag":" "}}"""),
        ("create_contact", """{"contact":{"email":"a@b.com","nick":"","age":1}}"""),
        ("greet", """{"name":"\u00a0","title":"x"}"""),
        ("greet", """{"name":"Ada"}"""),
        ("refund", """{"request":{"orderId":"o","amount":5}}"""),
        ("refund", """{"request":{"orderId":"o","amount":0}}"""),
        ("refund", """{"request":{"orderId":"o"}}"""),
        ("resize", """{"window":{}}"""),
        ("bind", """{"bound":{"value":null}}"""),
        ("search", """{"options":{"query":"q","verbose":false}}"""),
        ("exact", """{"n":5.01,"flag":true,"status":"Pending"}"""),
        ("exact", """{"n":1,"flag":true,"status":"Pending","small":256.0}"""),
    }.Select(c => new object[] { c.Tool, c.Json });

    /// <summary>The tool set declaring <paramref name="tool"/>, for a corpus row.</summary>
    public static IToolSet ToolSetOf(string tool) => tool == "get_weather" ? new WeatherTools("t")
        : IntentTools.ToolDefinitions.Any(t => t.Name == tool) ? IntentTools.ToolSet
        : LenientTools.ToolDefinitions.Any(t => t.Name == tool) ? LenientTools.ToolSet
        : new EchoTools();

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Parser_and_schema_agree(string tool, string json)
    {
        IToolSet tools = ToolSetOf(tool);
        var definition = tools.Tools.Single(t => t.Name == tool);
        var schema = await NJsonSchemaOf(definition.InputSchema);
        var errors = schema.Validate(json);
        var result = await tools.InvokeAsync(new ToolCall("c", tool, json), default);
        bool parserAccepts = result.IsSuccess || result.ErrorKind == ToolErrorKind.ExecutionError;
        Assert.True(
            parserAccepts == (errors.Count == 0),
            $"schema: {(errors.Count == 0 ? "valid" : string.Join("; ", errors.Select(e => e.ToString())))}; parser: {result.Content}");
    }

    /// <summary>
    /// Draft 2020-12 counts a number with a zero fraction as an integer, and so does the parser; NJsonSchema (through
    /// Newtonsoft's token types) does not. The one known disagreement: NJsonSchema's only complaint is IntegerExpected.
    /// </summary>
    [Theory]
    [InlineData("""{"n":5.0,"flag":true,"status":"Pending","small":2e2}""")]
    [InlineData("""{"n":-30e-1,"flag":true,"status":"Pending"}""")]
    public async Task Integral_numbers_with_a_fraction_are_integers_as_draft_2020_12_says(string json)
    {
        var schema = await NJsonSchemaOf(LenientTools.ToolDefinitions.Single(t => t.Name == "exact").InputSchema);
        var errors = schema.Validate(json);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(NJsonSchema.Validation.ValidationErrorKind.IntegerExpected, e.Kind));
        var result = await LenientTools.ToolSet.InvokeAsync(new ToolCall("c", "exact", json), default);
        Assert.True(result.IsSuccess, result.Content);
    }

    [Fact]
    public async Task Every_schema_parses_and_uses_only_draft_2020_12_keywords()
    {
        var sets = new IToolSet[] { new EchoTools(), new WeatherTools("t"), MathTools.ToolSet, new Outer.NestedTools(), IntentTools.ToolSet, LenientTools.ToolSet };
        foreach (var definition in sets.SelectMany(s => s.Tools))
        {
            foreach (string text in new[] { definition.InputSchema, definition.StrictInputSchema })
            {
                await NJsonSchemaOf(text);
                using var document = JsonDocument.Parse(text);
                Assert.Equal("object", document.RootElement.GetProperty("type").GetString());
                Assert.False(document.RootElement.GetProperty("additionalProperties").GetBoolean());
                SchemaKeywords.AssertKnown(document.RootElement, definition.Name);
            }
        }
    }

    /// <summary>NJsonSchema resolves references under draft-07's "definitions", not 2020-12's "$defs".</summary>
    internal static Task<JsonSchema> NJsonSchemaOf(string schema) =>
        JsonSchema.FromJsonAsync(schema.Replace("\"$defs\"", "\"definitions\"").Replace("#/$defs/", "#/definitions/"));

    [Fact]
    public void Strict_schemas_require_every_property_and_close_every_object()
    {
        foreach (var definition in EchoTools.ToolDefinitions.Concat(WeatherTools.ToolDefinitions))
        {
            using var document = JsonDocument.Parse(definition.StrictInputSchema);
            SchemaKeywords.AssertStrict(document.RootElement, definition.Name);
        }
    }
}
