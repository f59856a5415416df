using System.Text.Json;
using System.Threading.Tasks;
using static ToolGen.IntegrationTests.ToolRunner;

namespace ToolGen.IntegrationTests;

/// <summary>
/// Lenient reading accepts exactly the documented list (numbers and booleans in strings that hold exactly their JSON
/// text, enum names in any case, null for an optional value, the arguments encoded as a string) and nothing else.
/// </summary>
public class LenientReadingTests
{
    private readonly IToolSet _tools = LenientTools.ToolSet;

    private const string Valid = """{"n":5,"big":-9,"x":2.5,"m":1.25,"flag":true,"status":"Pending"}""";

    [Theory]
    [InlineData("""{"n":"5","big":"-9","x":"2.5","m":"1.25","flag":"true","status":"pending"}""", "[5,-9,2.5,1.25,true,\"Pending\",7,\"none\"]")]
    [InlineData("""{"n":"5e0","big":"1E2","x":"-2.5e-1","m":"0","flag":"false","status":"SHIPPED_OUT"}""", "[5,100,-0.25,0,false,\"Shipped\",7,\"none\"]")]
    [InlineData("""{"n":5,"big":-9,"x":2.5,"m":1.25,"flag":true,"status":"shipped","small":null,"label":null}""", "[5,-9,2.5,1.25,true,\"Shipped\",7,\"none\"]")]
    [InlineData("""{"n":5.0,"big":"-9.00","x":2.5,"m":1.25,"flag":true,"status":"Pending","small":"255"}""", "[5,-9,2.5,1.25,true,\"Pending\",255,\"none\"]")]
    [InlineData("\"{\\\"n\\\":5,\\\"big\\\":-9,\\\"x\\\":2.5,\\\"m\\\":1.25,\\\"flag\\\":true,\\\"status\\\":\\\"Pending\\\"}\"", "[5,-9,2.5,1.25,true,\"Pending\",7,\"none\"]")]
    public async Task Accepts_each_documented_coercion(string json, string expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<string>(await Success(_tools, "loose", json)));

    [Theory]
    [InlineData("n", "\" 5\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "\"+5\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "\"05\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "\"5.5\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "\"five\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "\"2147483648\"", "an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string)")]
    [InlineData("n", "5.5", "an integer between -2147483648 and 2147483647")]
    [InlineData("n", "true", "an integer between -2147483648 and 2147483647")]
    [InlineData("n", "null", "an integer between -2147483648 and 2147483647 (null is not allowed)")]
    [InlineData("x", "\"NaN\"", "a number, or a string holding exactly one (got another string)")]
    [InlineData("x", "\"1e400\"", "a number, or a string holding exactly one (got another string)")]
    [InlineData("flag", "\"True\"", "true or false, or a string holding exactly one (got another string)")]
    [InlineData("flag", "\"yes\"", "true or false, or a string holding exactly one (got another string)")]
    [InlineData("flag", "1", "true or false")]
    [InlineData("status", "\"Shipped_\"", "one of \"Pending\", \"shipped_out\"")]
    [InlineData("status", "0", "one of \"Pending\", \"shipped_out\"")]
    public async Task Rejects_everything_else_with_the_same_precise_error(string name, string value, string expected)
    {
        using var document = JsonDocument.Parse(Valid);
        var properties = new System.Collections.Generic.Dictionary<string, JsonElement>();
        foreach (var p in document.RootElement.EnumerateObject())
        {
            properties[p.Name] = p.Value;
        }

        properties[name] = JsonDocument.Parse(value).RootElement;
        var result = await Failure(_tools, "loose", JsonSerializer.Serialize(properties), ToolErrorKind.InvalidArguments);
        Assert.Equal($"Invalid value for '{name}': expected {expected}.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("\"\\\"{}\\\"\"")] // a string in a string: unwrapped once only
    [InlineData("\"[1]\"")]
    [InlineData("\"not json\"")]
    public async Task Unwraps_an_encoded_arguments_object_once(string json)
    {
        var result = await Failure(_tools, "loose", json, ToolErrorKind.InvalidArguments);
        Assert.Equal("Arguments must be a JSON object with the tool's parameters as properties.", result.ErrorMessage);
    }

    [Fact]
    public async Task Null_means_absent_only_for_optional_non_nullable_values()
    {
        Assert.Equal("t|1|Pending|null|True", JsonSerializer.Deserialize<string>(await Success(_tools, "loose_ticket",
            """{"ticket":{"title":"t","count":null,"status":null,"ids":null,"urgent":null}}""")));
        Assert.Equal("t|3|Shipped|1,2|False", JsonSerializer.Deserialize<string>(await Success(_tools, "loose_ticket",
            """{"ticket":{"title":"t","count":"3","status":"SHIPPED","ids":["1",2.0],"urgent":"false"}}""")));
        var result = await Failure(_tools, "loose_ticket", """{"ticket":{"title":null}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'ticket.title': expected a string (null is not allowed).", result.ErrorMessage);
    }

    [Theory]
    [InlineData("exact", """{"n":"5","flag":true,"status":"Pending"}""", "Invalid value for 'n': expected an integer between -2147483648 and 2147483647 (got a string).")]
    [InlineData("exact", """{"n":5,"flag":"true","status":"Pending"}""", "Invalid value for 'flag': expected true or false (got a string).")]
    [InlineData("exact", """{"n":5,"flag":true,"status":"pending"}""", "Invalid value for 'status': expected one of \"Pending\", \"shipped_out\".")]
    [InlineData("exact", """{"n":5,"flag":true,"status":"Pending","small":null}""", "Invalid value for 'small': expected an integer between 0 and 255 (null is not allowed).")]
    [InlineData("exact", "\"{}\"", "Arguments must be a JSON object with the tool's parameters as properties.")]
    [InlineData("strict_one", """{"n":"5","status":"Pending"}""", "Invalid value for 'n': expected an integer between -2147483648 and 2147483647 (got a string).")]
    [InlineData("strict_one", """{"n":5,"status":"pending"}""", "Invalid value for 'status': expected one of \"Pending\", \"shipped_out\".")]
    public async Task Exact_and_strict_tools_read_exactly(string tool, string json, string message)
    {
        var result = await Failure(_tools, tool, json, ToolErrorKind.InvalidArguments);
        Assert.Equal(message, result.ErrorMessage);
    }

    [Fact]
    public async Task Integral_numbers_with_a_zero_fraction_are_integers_in_exact_mode_too()
    {
        Assert.Equal("5|True|Pending|200", JsonSerializer.Deserialize<string>(await Success(_tools, "exact", """{"n":5.0,"flag":true,"status":"Pending","small":2e2}""")));
        Assert.Equal("-3|True|Pending|7", JsonSerializer.Deserialize<string>(await Success(_tools, "exact", """{"n":-30e-1,"flag":true,"status":"Pending"}""")));
        var result = await Failure(_tools, "exact", """{"n":5.01,"flag":true,"status":"Pending"}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'n': expected an integer between -2147483648 and 2147483647.", result.ErrorMessage);
        result = await Failure(_tools, "exact", """{"n":1,"flag":true,"status":"Pending","small":-0.0}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'small': expected an integer between 0 and 255.", result.ErrorMessage);
    }

    [Fact]
    public void The_schema_stays_exact()
    {
        var loose = JsonDocument.Parse(LenientTools.ToolDefinitions[0].InputSchema).RootElement.GetProperty("properties");
        Assert.Equal("integer", loose.GetProperty("n").GetProperty("type").GetString());
        Assert.Equal("boolean", loose.GetProperty("flag").GetProperty("type").GetString());
        Assert.Equal("""["Pending","shipped_out"]""", loose.GetProperty("status").GetProperty("enum").GetRawText());
    }
}
