using System.Linq;
using System.Threading.Tasks;
using static ToolGen.IntegrationTests.ToolRunner;

namespace ToolGen.IntegrationTests;

/// <summary>The model's arguments are untrusted: every bad payload becomes a precise, structured failure.</summary>
public class ArgumentErrorTests
{
    private readonly IToolSet _echo = new EchoTools();
    private readonly IToolSet _weather = new WeatherTools("test");

    [Theory]
    [InlineData("""{"unit":"Celsius"}""", ToolErrorKind.MissingArgument, "Missing required argument 'city'.")]
    [InlineData("""{"city":"Paris","unit":"Kelvin"}""", ToolErrorKind.InvalidArguments, "Invalid value for 'unit': expected one of \"Celsius\", \"Fahrenheit\".")]
    [InlineData("""{"cty":"Paris"}""", ToolErrorKind.InvalidArguments, "Unknown argument 'cty'. Expected: city, unit.")]
    [InlineData("""{"city":"Paris","city":"Rome"}""", ToolErrorKind.InvalidArguments, "Duplicate argument 'city': each property may appear once.")]
    [InlineData("""{"city":null}""", ToolErrorKind.InvalidArguments, "Invalid value for 'city': expected a string (null is not allowed).")]
    [InlineData("""{"city":42}""", ToolErrorKind.InvalidArguments, "Invalid value for 'city': expected a string.")]
    [InlineData("""["Paris"]""", ToolErrorKind.InvalidArguments, "Arguments must be a JSON object with the tool's parameters as properties.")]
    [InlineData("""{"city":"Paris"} {}""", ToolErrorKind.InvalidArguments, "Arguments are not valid JSON: ")]
    [InlineData("""{"city":"Paris",}""", ToolErrorKind.InvalidArguments, "Arguments are not valid JSON: ")]
    [InlineData("""{"city":"Par""", ToolErrorKind.InvalidArguments, "Arguments are not valid JSON: ")]
    public async Task Weather_arguments_are_checked(string json, ToolErrorKind kind, string message)
    {
        var result = await Failure(_weather, "get_weather", json, kind);
        Assert.StartsWith(message, result.ErrorMessage);
        Assert.Contains("\"success\":false", result.Content);
    }

    [Fact]
    public async Task Unknown_tools_suggest_the_closest_name()
    {
        var result = await Failure(_weather, "get_wether", "{}", ToolErrorKind.FunctionNotFound);
        Assert.Equal("Unknown function 'get_wether'. Did you mean 'get_weather'?", result.ErrorMessage);
    }

    [Fact]
    public async Task Names_match_exactly()
    {
        await Failure(_weather, "GET_WEATHER", """{"city":"x"}""", ToolErrorKind.FunctionNotFound);
        await Failure(_weather, "get_weather ", """{"city":"x"}""", ToolErrorKind.FunctionNotFound);
        await Failure(_weather, "get_", """{"city":"x"}""", ToolErrorKind.FunctionNotFound);
    }

    [Theory]
    [InlineData("u8", "256", "an integer between 0 and 255")]
    [InlineData("u8", "-1", "an integer between 0 and 255")]
    [InlineData("i8", "128", "an integer between -128 and 127")]
    [InlineData("i32", "2147483648", "an integer between -2147483648 and 2147483647")]
    [InlineData("i32", "1.5", "an integer between -2147483648 and 2147483647")]
    [InlineData("i32", "\"1\"", "an integer between -2147483648 and 2147483647 (got a string)")]
    [InlineData("u64", "18446744073709551616", "an integer between 0 and 18446744073709551615")]
    [InlineData("f32", "1e39", "a number in the range of a 32-bit float")]
    [InlineData("f64", "1e400", "a number")]
    [InlineData("dec", "1e30", "a number in the range of a decimal")]
    [InlineData("b", "\"true\"", "true or false (got a string)")]
    [InlineData("c", "\"ab\"", "a string of exactly one character")]
    [InlineData("c", "\"\"", "a string of exactly one character")]
    public async Task Numbers_and_scalars_must_fit_the_CSharp_type(string name, string value, string expected)
    {
        string json = ScalarArguments(name, value);
        var result = await Failure(_echo, "scalars", json, ToolErrorKind.InvalidArguments);
        Assert.Equal($"Invalid value for '{name}': expected {expected}.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("when", "\"2025-01-31\"")]
    [InlineData("when", "\"2025-01-31 09:30:00Z\"")]
    [InlineData("when", "\"2025-02-30T09:30:00Z\"")]
    [InlineData("at", "\"2025-01-31T09:30:00\"")]
    [InlineData("day", "\"2025-1-31\"")]
    [InlineData("day", "\"2025-13-01\"")]
    [InlineData("time", "\"24:00:00\"")]
    [InlineData("time", "\"09:30\"")]
    [InlineData("span", "\"1:02:03\"")]
    [InlineData("span", "\"00:60:00\"")]
    [InlineData("id", "\"{123e4567-e89b-12d3-a456-426614174000}\"")]
    [InlineData("id", "\"123e4567e89b12d3a456426614174000\"")]
    [InlineData("id", "\"123e4567-e89b-12d3-a456-42661417400g\"")]
    [InlineData("id", "\" 23e4567-e89b-12d3-a456-426614174000\"")]
    [InlineData("id", "\"+23e4567-e89b-12d3-a456-426614174000\"")]
    [InlineData("id", "\"123e4567+e89b-12d3-a456-426614174000\"")]
    [InlineData("link", "\"/relative/path\"")]
    public async Task Formats_are_checked(string name, string value)
    {
        var values = new System.Collections.Generic.Dictionary<string, string>
        {
            ["when"] = "\"2025-01-31T09:30:00Z\"", ["at"] = "\"2025-01-31T09:30:00Z\"", ["day"] = "\"2025-02-28\"", ["time"] = "\"00:00:00\"",
            ["span"] = "\"00:00:01\"", ["id"] = "\"123e4567-e89b-12d3-a456-426614174000\"", ["link"] = "\"https://x.y\"",
        };
        await Success(_echo, "formats", Object(values));
        values[name] = value;
        string json = Object(values);
        var result = await Failure(_echo, "formats", json, ToolErrorKind.InvalidArguments);
        Assert.StartsWith($"Invalid value for '{name}': expected ", result.ErrorMessage);
    }

    [Fact]
    public async Task Formats_read_escaped_and_upper_case_text()
    {
        var values = new System.Collections.Generic.Dictionary<string, string>
        {
            ["when"] = "\"2025-01-31T09:30:00Z\"", ["at"] = "\"2025-01-31T09:30:00Z\"", ["day"] = "\"2025-02-2\\u0038\"", ["time"] = "\"00:00:00\"",
            ["span"] = "\"12:34:56.5\"", ["id"] = "\"123E4567-E89B-12D3-A456-42661417400\\u0030\"", ["link"] = "\"https://x.y\"",
        };
        string echoed = await Success(_echo, "formats", Object(values));
        Assert.Equal("\"2025-01-31T09:30:00.0000000Z|2025-01-31T09:30:00.0000000+00:00|2025-02-28|00:00:00.0000000|12:34:56.5000000|123e4567-e89b-12d3-a456-426614174000|https://x.y\"", echoed);
    }

    [Fact]
    public async Task Nested_errors_name_the_full_path()
    {
        var missing = await Failure(_echo, "place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[{"sku":"a"},{"quantity":2}]}}""", ToolErrorKind.MissingArgument);
        Assert.Equal("Missing required argument 'order.lines[1].sku'.", missing.ErrorMessage);

        var range = await Failure(_echo, "place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[{"sku":"a","quantity":0}]}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'order.lines[0].quantity': must be at least 1 and at most 100.", range.ErrorMessage);

        var unknown = await Failure(_echo, "place_order", """{"order":{"customer":"c","due":"2025-01-01","lines":[],"shipTo":{"street":"x"}}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Unknown property 'order.shipTo.street'. Expected: street_line, city, floor.", unknown.ErrorMessage);

        var required = await Failure(_echo, "place_order", """{"order":{"customer":"c","lines":[]}}""", ToolErrorKind.MissingArgument);
        Assert.Equal("Missing required argument 'order.due'.", required.ErrorMessage);
    }

    [Theory]
    [InlineData("rating", "11", "must be at least 1 and at most 10")]
    [InlineData("code", "\"a\"", "must have at least 2 characters")]
    [InlineData("code", "\"abcdef\"", "must have at most 5 characters")]
    [InlineData("slug", "\"ab1\"", "must match the pattern ^(?:[a-z]+)$")]
    [InlineData("email", "\"nobody\"", "must be an email address")]
    [InlineData("site", "\"mailto:x@y.z\"", "must be an absolute http, https or ftp URL")]
    [InlineData("color", "\"blue\"", "must be one of \"red\", \"green\"")]
    [InlineData("items", "[]", "must have at least 1 items")]
    [InlineData("items", "[\"a\",\"b\",\"c\",\"d\"]", "must have at most 3 items")]
    [InlineData("share", "0", "must be greater than 0 and at most 1")]
    public async Task DataAnnotations_are_enforced(string name, string value, string message)
    {
        var values = new System.Collections.Generic.Dictionary<string, string>
        {
            ["rating"] = "5", ["code"] = "\"ab\"", ["slug"] = "\"abc\"", ["email"] = "\"a@b.c\"", ["site"] = "\"https://x.y\"",
            ["color"] = "\"red\"", ["items"] = "[\"a\"]", ["share"] = "0.25",
        };
        Assert.Equal("\"5|ab|abc|a@b.c|https://x.y|red|1|0.25\"", await Success(_echo, "annotated", Object(values)));
        values[name] = value;
        var result = await Failure(_echo, "annotated", Object(values), ToolErrorKind.InvalidArguments);
        Assert.Equal($"Invalid value for '{name}': {message}.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_pattern_check_that_times_out_is_an_invalid_argument_not_a_transient_failure()
    {
        // Catastrophic backtracking runs into the 1 s match timeout of the generated regex (the regex engine's own
        // clock: the one real wait of this project, ToolGen.Tests checks the same path with a 1 ms regex).
        var result = await Failure(_echo, "backtracking", "{\"text\":\"" + new string('a', 40) + "!\"}", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'text': must match the pattern ^(?:(a+)+b)$ (the check timed out).", result.ErrorMessage);
        var plain = await Failure(_echo, "backtracking", "{\"text\":\"aa!\"}", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'text': must match the pattern ^(?:(a+)+b)$.", plain.ErrorMessage);
        Assert.Equal("\"aab\"", await Success(_echo, "backtracking", "{\"text\":\"aab\"}"));
    }

    [Fact]
    public async Task Hash_sets_reject_duplicates()
    {
        var result = await Failure(_echo, "collections", """{"tags":[],"numbers":[],"values":[],"names":[],"unique":["a","a"],"counts":{},"labels":{}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'unique[1]': items must be unique.", result.ErrorMessage);
    }

    [Fact]
    public async Task Dictionaries_reject_duplicate_keys()
    {
        var result = await Failure(_echo, "collections", """{"tags":[],"numbers":[],"values":[],"names":[],"unique":[],"counts":{"a":1,"a":2},"labels":{}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Duplicate argument 'counts.a': each property may appear once.", result.ErrorMessage);
    }

    [Fact]
    public async Task Deep_nesting_is_rejected_by_the_depth_limit()
    {
        string deep = new string('[', 100) + new string(']', 100);
        var result = await Failure(_echo, "any", $$"""{"value":{{deep}},"node":null}""", ToolErrorKind.InvalidArguments);
        Assert.Contains("depth", result.ErrorMessage);
    }

    [Fact]
    public async Task Oversized_arguments_are_rejected_before_parsing()
    {
        string huge = "{\"s\":\"" + new string('a', Serialization.ToolArgumentLimits.MaxBytes) + "\"}";
        var result = await Failure(_echo, "scalars", huge, ToolErrorKind.InvalidArguments);
        Assert.StartsWith("Arguments are too large", result.ErrorMessage);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_is_an_argument_error()
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes("{\"city\":\"Pa__s\"}");
        bytes[11] = 0xC3;
        bytes[12] = 0x28;
        var result = await _weather.InvokeAsync(new ToolCall("c", "get_weather", bytes), default);
        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
    }

    private static string ScalarArguments(string name, string value)
    {
        var values = new System.Collections.Generic.Dictionary<string, string>
        {
            ["s"] = "\"s\"", ["b"] = "true", ["u8"] = "1", ["i8"] = "1", ["i16"] = "1", ["u16"] = "1", ["i32"] = "1", ["u32"] = "1",
            ["i64"] = "1", ["u64"] = "1", ["f32"] = "1", ["f64"] = "1", ["dec"] = "1", ["c"] = "\"c\"",
        };
        values[name] = value;
        return Object(values);
    }

    private static string Object(System.Collections.Generic.Dictionary<string, string> values) =>
        "{" + string.Join(",", values.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}";
}
