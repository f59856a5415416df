using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>
/// Each rule the oracle adds to NJsonSchema, with an explicit payload: the oracle's verdict and reason, and the
/// parser's verdict, so that a rule neither the random cases nor the seed happen to reach is still pinned.
/// </summary>
public class DocumentedRuleTests
{
    private const string Scalars = """{"s":"a","b":true,"u8":1,"i8":1,"i16":1,"u16":1,"i32":1,"u32":1,"i64":1,"u64":1,"f32":1.5,"f64":1.5,"dec":1.5,"c":"x"}""";

    private const string Formats = """{"when":"2025-01-31T09:30:00Z","at":"2025-01-31T09:30:00+01:00","day":"2025-01-31","time":"09:30:00","span":"01:00:00","id":"123e4567-e89b-12d3-a456-426614174000","link":"https://example.com/"}""";

    private const string Annotated = """{"rating":5,"code":"ab","slug":"abc","email":"a@b.com","site":"https://example.com/","color":"red","items":["x"],"initials":"ab","picks":[1]}""";

    [Theory]
    [InlineData("u8")]
    [InlineData("u16")]
    [InlineData("u32")]
    [InlineData("u64")]
    public async Task Minus_zero_for_an_unsigned_integer_is_rejected(string member)
    {
        await AssertVerdict("scalars", Scalars.Replace($"\"{member}\":1", $"\"{member}\":-0"), false, FormatRules.UnsignedMinusZero);
    }

    [Theory]
    [InlineData("i8")]
    [InlineData("i64")]
    public async Task Minus_zero_for_a_signed_integer_is_zero(string member)
    {
        await AssertVerdict("scalars", Scalars.Replace($"\"{member}\":1", $"\"{member}\":-0"), true, "valid");
    }

    [Theory]
    [InlineData("18446744073709551615", true, "valid")]
    [InlineData("18446744073709551616", false, OracleRewrite.IntegerRange)]
    public async Task Integers_beyond_64_bits_are_judged_by_value(string u64, bool valid, string reason)
    {
        await AssertVerdict("scalars", Scalars.Replace("\"u64\":1", $"\"u64\":{u64}"), valid, reason);
    }

    [Fact]
    public async Task Lower_case_t_and_z_are_RFC_3339()
    {
        await AssertVerdict("formats", Formats.Replace("2025-01-31T09:30:00Z", "2025-01-31t09:30:00z"), true, "valid");
    }

    [Fact]
    public async Task Offsets_beyond_14_hours_are_rejected()
    {
        await AssertVerdict("formats", Formats.Replace("+01:00", "+14:30"), false, FormatRules.OffsetRange);
    }

    [Theory]
    [InlineData("a@b", true, "valid")] // not format email, but DataAnnotations' rule
    [InlineData("x.@b-.com", true, "valid")]
    [InlineData("@b.com", false, FormatRules.EmailRule)]
    [InlineData("a@b@c", false, FormatRules.EmailRule)]
    public async Task EmailAddress_is_DataAnnotations_rule(string email, bool valid, string reason)
    {
        await AssertVerdict("annotated", Annotated.Replace("a@b.com", email), valid, reason);
    }

    [Theory]
    [InlineData("mailto:x")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("file:///etc/passwd")]
    public async Task Url_accepts_only_http_https_and_ftp(string site)
    {
        await AssertVerdict("annotated", Annotated.Replace("https://example.com/", site), false, "schema");
    }

    [Fact]
    public async Task Number_bounds_are_compared_as_the_parser_compares_them()
    {
        // exclusiveMinimum 0: a tiny positive double is above it (NJsonSchema, in decimal, would round it to 0).
        await AssertVerdict("annotated", Annotated.Replace("}", ",\"share\":1e-30}"), true, "valid");
        await AssertVerdict("annotated", Annotated.Replace("}", ",\"share\":0}"), false, OracleRewrite.NumberBound);
    }

    [Fact]
    public void Float_precision_is_accepted_only_for_float_parameters()
    {
        using var schemaDocument = JsonDocument.Parse(EchoTools.ToolDefinitions.Single(t => t.Name == "scalars").InputSchema);
        var schema = new SchemaNode(schemaDocument.RootElement, schemaDocument.RootElement);
        string narrowed = ((double)(float)0.1).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var sent = JsonDocument.Parse(Scalars.Replace("\"f32\":1.5", "\"f32\":0.1").Replace("\"f64\":1.5", "\"f64\":0.1"));
        using var floatNarrowed = JsonDocument.Parse(Scalars.Replace("\"f32\":1.5", $"\"f32\":{narrowed}").Replace("\"f64\":1.5", "\"f64\":0.1"));
        using var doubleNarrowed = JsonDocument.Parse(Scalars.Replace("\"f32\":1.5", "\"f32\":0.1").Replace("\"f64\":1.5", $"\"f64\":{narrowed}"));

        Assert.Null(Echo.Mismatch(schema, sent.RootElement, floatNarrowed.RootElement, tool: "scalars"));
        Assert.Equal($".f64: sent 0.1, got {narrowed}", Echo.Mismatch(schema, sent.RootElement, doubleNarrowed.RootElement, tool: "scalars"));
    }

    [Fact]
    public async Task Fractions_beyond_100_ns_arrive_truncated()
    {
        string payload = Formats.Replace("2025-01-31T09:30:00Z", "2025-01-31T09:30:00.123456789Z");
        ToolResult result = await ((IToolSet)new EchoTools()).InvokeAsync(new ToolCall("c", "formats", payload), default);
        Assert.True(result.IsSuccess, result.Content);
        using var got = JsonDocument.Parse(result.ResultJson!);
        Assert.Equal("2025-01-31T09:30:00.1234567Z", got.RootElement.GetProperty("when").GetString());

        using var schemaDocument = JsonDocument.Parse(EchoTools.ToolDefinitions.Single(t => t.Name == "formats").InputSchema);
        var schema = new SchemaNode(schemaDocument.RootElement, schemaDocument.RootElement);
        using var sent = JsonDocument.Parse(payload);
        Assert.Null(Echo.Mismatch(schema, sent.RootElement, got.RootElement, tool: "formats"));
    }

    private static async Task AssertVerdict(string tool, string payload, bool valid, string reason)
    {
        Oracle oracle = await Oracle.CreateAsync(EchoTools.ToolDefinitions.Single(t => t.Name == tool));
        (bool? expected, string why) = oracle.Judge(payload);
        Assert.Equal((valid, reason), (expected, why.StartsWith("documented: ", System.StringComparison.Ordinal) ? why["documented: ".Length..] : why));
        ToolResult result = await ((IToolSet)new EchoTools()).InvokeAsync(new ToolCall("c", tool, payload), default);
        Assert.True(valid == result.IsSuccess, $"parser: {result.Content}");
    }
}
