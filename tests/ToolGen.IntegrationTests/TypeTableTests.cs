using System.Text.Json;
using System.Threading.Tasks;
using static ToolGen.IntegrationTests.ToolRunner;

namespace ToolGen.IntegrationTests;

/// <summary>Every row of the type table, end to end through generated code: valid values arrive as sent.</summary>
public class TypeTableTests
{
    private readonly IToolSet _echo = new EchoTools();

    [Fact]
    public async Task Scalars_arrive_as_sent()
    {
        string json = await Success(_echo, "scalars", """
            {"s":"héllo \"q\"","b":true,"u8":255,"i8":-128,"i16":-32768,"u16":65535,"i32":-2147483648,"u32":4294967295,
             "i64":-9223372036854775808,"u64":18446744073709551615,"f32":1.5,"f64":-2.25e10,"dec":79228162514264337593543950335,"c":"x"}
            """);
        Assert.Equal(
            "[\"h\\u00E9llo \\u0022q\\u0022\",true,255,-128,-32768,65535,-2147483648,4294967295,-9223372036854775808,18446744073709551615,1.5,-22500000000,79228162514264337593543950335,\"x\"]",
            JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public async Task Result_records_write_every_scalar_member()
    {
        Assert.Equal(
            "{\"label\":\"a\\\"b\",\"ok\":true,\"small\":255,\"count\":-7,\"big\":18446744073709551615,\"price\":1.25,\"value\":0.5,\"ratio\":2.5,"
            + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"at\":\"2025-01-31T09:30:00Z\",\"atOffset\":\"2025-01-31T09:30:00+01:00\",\"unit\":\"Fahrenheit\","
            + "\"maybe\":3,\"maybeUnit\":\"Celsius\",\"maybeValue\":1.5}",
            await Success(_echo, "reading", """{"kind":0}"""));
        Assert.Equal(
            "{\"label\":null,\"ok\":false,\"small\":0,\"count\":0,\"big\":0,\"price\":0,\"value\":\"NaN\",\"ratio\":\"-Infinity\","
            + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"at\":\"0001-01-01T00:00:00\",\"atOffset\":\"0001-01-01T00:00:00+00:00\",\"unit\":\"42\","
            + "\"maybe\":null,\"maybeUnit\":null,\"maybeValue\":\"Infinity\"}",
            await Success(_echo, "reading", """{"kind":1}"""));
    }

    [Fact]
    public async Task Formats_arrive_as_sent()
    {
        string json = await Success(_echo, "formats", """
            {"when":"2025-01-31T09:30:00Z","at":"2025-01-31T09:30:00.5+01:00","day":"2025-02-28","time":"23:59:59.25",
             "span":"1.02:03:04.5","id":"123e4567-e89b-12d3-a456-426614174000","link":"https://example.com/a?b=c"}
            """);
        Assert.Equal(
            "2025-01-31T09:30:00.0000000Z|2025-01-31T09:30:00.5000000+01:00|2025-02-28|23:59:59.2500000|1.02:03:04.5000000|123e4567-e89b-12d3-a456-426614174000|https://example.com/a?b=c",
            JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public async Task DateTime_without_offset_is_accepted_as_unspecified()
    {
        string json = await Success(_echo, "formats", """
            {"when":"2025-01-31T09:30:00","at":"2025-01-31T09:30:00Z","day":"2025-02-28","time":"00:00:00","span":"00:00:01","id":"123e4567-e89b-12d3-a456-426614174000","link":"urn:isbn:0451450523"}
            """);
        Assert.StartsWith("2025-01-31T09:30:00.0000000|", JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public async Task Lower_case_t_and_z_of_RFC_3339_are_accepted()
    {
        string json = await Success(_echo, "formats", """
            {"when":"2025-01-31t09:30:00z","at":"2025-01-31t09:30:00z","day":"2025-02-28","time":"00:00:00","span":"00:00:01","id":"123e4567-e89b-12d3-a456-426614174000","link":"https://x.y"}
            """);
        Assert.StartsWith("2025-01-31T09:30:00.0000000Z|2025-01-31T09:30:00.0000000+00:00|", JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public void Enum_defaults_use_json_names()
    {
        var schema = System.Linq.Enumerable.Single(EchoTools.ToolDefinitions, t => t.Name == "defaults").InputSchema;
        Assert.Contains("\"priority\":{\"type\":\"string\",\"enum\":[\"Low\",\"high\",\"Urgent\"],\"default\":\"high\"}", schema);
    }

    [Fact]
    public async Task Nullables_accept_null_and_values()
    {
        Assert.Equal("\"null|null|null|null\"", await Success(_echo, "nullables", """{"count":null,"name":null,"unit":null,"when":null}"""));
        Assert.Equal("\"5|n|Fahrenheit|2025-01-01T00:00:00.0000000Z\"", await Success(_echo, "nullables", """{"count":5,"name":"n","unit":"Fahrenheit","when":"2025-01-01T00:00:00Z"}"""));
    }

    [Fact]
    public async Task Nullable_parameters_without_defaults_are_still_required()
    {
        var result = await Failure(_echo, "nullables", """{"count":null,"name":null,"unit":null}""", ToolErrorKind.MissingArgument);
        Assert.Equal("Missing required argument 'when'.", result.ErrorMessage);
    }

    [Fact]
    public async Task Collections_arrive_as_sent()
    {
        string json = await Success(_echo, "collections", """
            {"tags":["a","b"],"numbers":[1,2,3],"values":[0.5],"names":[],"unique":["x","y"],"counts":{"a":1,"b":2},"labels":{"k":null,"l":"v"}}
            """);
        Assert.Equal("""[["a","b"],[1,2,3],[0.5],[],["x","y"],{"a":1,"b":2},{"k":null,"l":"v"}]""", JsonSerializer.Deserialize<string>(json));
    }

    [Fact]
    public async Task Read_only_sets_and_Length_arrive_as_sent()
    {
        string json = await Success(_echo, "sets_and_lengths", """{"roles":["b","a"],"initials":"ab","picks":[1,2]}""");
        Assert.Equal("""[["a","b"],"ab",[1,2]]""", JsonSerializer.Deserialize<string>(json));
    }

    [Theory]
    [InlineData("""{"roles":["a","a"],"initials":"ab","picks":[1]}""", "Invalid value for 'roles[1]': items must be unique.")]
    [InlineData("""{"roles":[],"initials":"a","picks":[1]}""", "Invalid value for 'initials': must have at least 2 characters.")]
    [InlineData("""{"roles":[],"initials":"abcde","picks":[1]}""", "Invalid value for 'initials': must have at most 4 characters.")]
    [InlineData("""{"roles":[],"initials":"ab","picks":[]}""", "Invalid value for 'picks': must have at least 1 items.")]
    [InlineData("""{"roles":[],"initials":"ab","picks":[1,2,3]}""", "Invalid value for 'picks': must have at most 2 items.")]
    public async Task Read_only_sets_reject_duplicates_and_Length_is_enforced(string arguments, string message)
    {
        var result = await Failure(_echo, "sets_and_lengths", arguments, ToolErrorKind.InvalidArguments);
        Assert.Equal(message, result.ErrorMessage);
    }

    [Fact]
    public async Task Defaults_apply_when_arguments_are_absent()
    {
        Assert.Equal("\"Fahrenheit|3|none|0.5|True|High\"", await Success(_echo, "defaults", "{}"));
        Assert.Equal("\"Celsius|7|x|1|False|Low\"", await Success(_echo, "defaults", """{"unit":"Celsius","days":7,"label":"x","ratio":1,"flag":false,"priority":"Low"}"""));
    }

    [Fact]
    public async Task Empty_arguments_read_as_an_empty_object()
    {
        Assert.Equal("\"Fahrenheit|3|none|0.5|True|High\"", await Success(_echo, "defaults", ""));
        Assert.Equal("\"Fahrenheit|3|none|0.5|True|High\"", await Success(_echo, "defaults", "  \n"));
    }

    [Fact]
    public async Task Enum_members_use_their_json_names()
    {
        Assert.Equal("\"Fahrenheit|3|none|0.5|True|High\"", await Success(_echo, "defaults", """{"priority":"high"}"""));
        var result = await Failure(_echo, "defaults", """{"priority":"High"}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'priority': expected one of \"Low\", \"high\", \"Urgent\".", result.ErrorMessage);
    }

    [Fact]
    public async Task Enum_aliases_are_read_by_name_and_written_by_the_first_name_of_their_value()
    {
        Assert.Equal("\"high\"", await Success(_echo, "escalate", """{"priority":"Urgent"}"""));
        Assert.Equal("\"Low\"", await Success(_echo, "escalate", """{"priority":"Low"}"""));
    }

    [Fact]
    public async Task Any_json_is_passed_through()
    {
        Assert.Equal("\"{\\\"a\\\":[1,true,null]}|[1,2]\"", await Success(_echo, "any", """{"value":{"a":[1,true,null]},"node":[1,2]}"""));
        Assert.Equal("\"null|null\"", await Success(_echo, "any", """{"value":null,"node":null}"""));
    }

    [Fact]
    public async Task Nested_records_round_trip_with_names_defaults_and_init_members()
    {
        string json = await Success(_echo, "place_order", """
            {"order":{"customer":"ACME","lines":[{"sku":"A1","quantity":2},{"sku":"B2"}],
                      "shipTo":{"street_line":"1 Main St","city":"Oslo"},"note":"fragile","priority":"high","due":"2025-03-01"}}
            """);
        Assert.Equal(
            """{"customer":"ACME","lines":[{"sku":"A1","quantity":2},{"sku":"B2","quantity":1}],"shipTo":{"street_line":"1 Main St","city":"Oslo","floor":null},"note":"fragile","priority":"high","due":"2025-03-01"}""",
            json);
    }

    [Fact]
    public async Task Structs_and_static_classes_and_nested_classes_work()
    {
        Assert.Equal("""{"x":1.5,"y":-2}""", await Success(_echo, "move", """{"to":{"x":1.5,"y":-2}}"""));
        Assert.Equal("3", await Success(MathTools.ToolSet, "add", """{"a":1,"b":2}"""));
        Assert.Equal("\"Hello Ada\"", await Success(new Outer.NestedTools(), "hello", """{"name":"Ada"}"""));
    }

    [Fact]
    public async Task Recursive_types_parse()
    {
        Assert.Equal("4", await Success(_echo, "count_nodes", """{"root":{"name":"a","children":[{"name":"b","children":[{"name":"c"}]},{"name":"d"}]}}"""));
    }

    [Fact]
    public async Task Void_and_task_returns_give_null()
    {
        Assert.Equal("null", await Success(_echo, "nothing", "{}"));
        var weather = new WeatherTools("test");
        Assert.Equal("null", await Success(weather, "refresh", "{}"));
        Assert.Equal("null", await Success(weather, "ping", "{}"));
    }

    [Fact]
    public async Task Async_instance_tools_run_on_their_instance()
    {
        var weather = new WeatherTools("station-7");
        Assert.Equal("""{"city":"Paris@station-7","temperature":68,"unit":"Fahrenheit"}""", await Success(weather, "get_weather", """{"city":"Paris","unit":"Fahrenheit"}"""));
        Assert.Equal("\"UTC 12:00\"", await Success(weather, "get_time", """{"zone":"UTC"}"""));
    }

    [Fact]
    public async Task Renamed_parameters_use_their_json_name()
    {
        Assert.Equal("\"cats\"", await Success(_echo, "rename_me", """{"query_text":"cats"}"""));
        await Failure(_echo, "rename_me", """{"query":"cats"}""", ToolErrorKind.InvalidArguments);
    }

    [Fact]
    public async Task Strict_tools_read_null_as_absent_for_optional_parameters()
    {
        Assert.Equal("\"Oslo|Celsius|none\"", await Success(_echo, "strict_tool", """{"city":"Oslo","unit":null,"address":null}"""));
        Assert.Equal(
            "\"Oslo|Fahrenheit|Bergen\"",
            await Success(_echo, "strict_tool", """{"city":"Oslo","unit":"Fahrenheit","address":{"street_line":null,"city":"Bergen","floor":null}}"""));
    }

    [Fact]
    public async Task Exceptions_of_the_tool_propagate_to_the_caller()
    {
        var exception = await Assert.ThrowsAsync<System.InvalidOperationException>(() => Invoke(_echo, "fails", """{"message":"boom"}"""));
        Assert.Equal("boom", exception.Message);
    }
}
