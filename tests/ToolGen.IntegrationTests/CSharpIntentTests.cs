using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static ToolGen.IntegrationTests.ToolRunner;

namespace ToolGen.IntegrationTests;

/// <summary>What the C# declaration says is what the schema and the parser do: [Required], initializers, constructors.</summary>
public class CSharpIntentTests
{
    private readonly IToolSet _tools = IntentTools.ToolSet;

    private static JsonElement Schema(string tool, string path)
    {
        var root = JsonDocument.Parse(IntentTools.ToolDefinitions.Single(t => t.Name == tool).InputSchema).RootElement;
        foreach (var part in path.Split('.'))
        {
            root = root.GetProperty(part);
        }

        return root;
    }

    [Fact]
    public void Required_members_are_required_in_the_schema_and_reject_null()
    {
        var contact = Schema("create_contact", "properties.contact");
        Assert.Equal("""["email","nick","age","tag"]""", contact.GetProperty("required").GetRawText());
        Assert.Equal("""{"type":"string","format":"email","pattern":"\\S","minLength":1}""", contact.GetProperty("properties").GetProperty("email").GetRawText());
        Assert.Equal("""{"type":"string"}""", contact.GetProperty("properties").GetProperty("nick").GetRawText());
        Assert.Equal("""{"type":"integer","minimum":-2147483648,"maximum":2147483647}""", contact.GetProperty("properties").GetProperty("age").GetRawText());
        Assert.Equal("""{"type":"string","pattern":"^(?=[\\s\\S]*\\S)(?:[a-z ]*)$","minLength":1}""", contact.GetProperty("properties").GetProperty("tag").GetRawText());
        Assert.Equal("""{"type":"string","default":"anon"}""", contact.GetProperty("properties").GetProperty("name").GetRawText());
    }

    [Theory]
    [InlineData("""{"contact":{}}""", ToolErrorKind.MissingArgument, "Missing required argument 'contact.email'.")]
    [InlineData("""{"contact":{"email":"","nick":"","age":1,"tag":"a"}}""", ToolErrorKind.InvalidArguments, "Invalid value for 'contact.email': must not be empty or only whitespace.")]
    [InlineData("""{"contact":{"email":" \t","nick":"","age":1,"tag":"a"}}""", ToolErrorKind.InvalidArguments, "Invalid value for 'contact.email': must not be empty or only whitespace.")]
    [InlineData("""{"contact":{"email":"a@b","nick":null,"age":1,"tag":"a"}}""", ToolErrorKind.InvalidArguments, "Invalid value for 'contact.nick': expected a string (null is not allowed).")]
    [InlineData("""{"contact":{"email":"a@b","nick":"","age":null,"tag":"a"}}""", ToolErrorKind.InvalidArguments, "Invalid value for 'contact.age': expected an integer between -2147483648 and 2147483647 (null is not allowed).")]
    [InlineData("""{"contact":{"email":"a@b","nick":"","age":1,"tag":"  "}}""", ToolErrorKind.InvalidArguments, "Invalid value for 'contact.tag': must not be empty or only whitespace.")]
    [InlineData("""{"contact":{"email":"a@b","nick":"","age":1}}""", ToolErrorKind.MissingArgument, "Missing required argument 'contact.tag'.")]
    [InlineData("""{"name":"Ada"}""", ToolErrorKind.MissingArgument, "Missing required argument 'title'.")]
    [InlineData("""{"name":" ","title":"Ms"}""", ToolErrorKind.InvalidArguments, "Invalid value for 'name': must not be empty or only whitespace.")]
    [InlineData("""{"name":"Ada","title":null}""", ToolErrorKind.InvalidArguments, "Invalid value for 'title': expected a string (null is not allowed).")]
    public async Task Required_is_enforced_with_DataAnnotations_meaning(string json, ToolErrorKind kind, string message)
    {
        string tool = json.Contains("contact") ? "create_contact" : "greet";
        var result = await Failure(_tools, tool, json, kind);
        Assert.Equal(message, result.ErrorMessage);
    }

    [Fact]
    public async Task Required_accepts_what_DataAnnotations_accepts()
    {
        Assert.Equal("[\"a@b\",\"\",0,\"a b\",\"anon\"]", JsonSerializer.Deserialize<string>(
            await Success(_tools, "create_contact", """{"contact":{"email":"a@b","nick":"","age":0,"tag":"a b"}}""")));
        Assert.Equal("Ms Ada", JsonSerializer.Deserialize<string>(await Success(_tools, "greet", """{"name":"Ada","title":"Ms"}""")));
        var greet = JsonDocument.Parse(IntentTools.ToolDefinitions.Single(t => t.Name == "greet").InputSchema).RootElement;
        Assert.Equal("""["name","title"]""", greet.GetProperty("required").GetRawText());
        Assert.False(greet.GetProperty("properties").GetProperty("title").TryGetProperty("default", out _));
    }

    [Fact]
    public void Initializers_make_members_optional_with_their_constant_as_default()
    {
        var request = Schema("refund", "properties.request");
        Assert.Equal("""["orderId","amount"]""", request.GetProperty("required").GetRawText());
        var properties = request.GetProperty("properties");
        Assert.Equal("true", properties.GetProperty("notifyCustomer").GetProperty("default").GetRawText());
        Assert.Equal("\"unspecified\"", properties.GetProperty("reason").GetProperty("default").GetRawText());
        Assert.Equal("\"Fahrenheit\"", properties.GetProperty("unit").GetProperty("default").GetRawText());
        Assert.Equal("1", properties.GetProperty("ratio").GetProperty("default").GetRawText());
        // Not a constant: optional, but the schema cannot say its value.
        Assert.False(properties.GetProperty("stamp").TryGetProperty("default", out _));
    }

    [Fact]
    public async Task Init_only_members_left_out_keep_their_initializer()
    {
        Assert.Equal("o1|True|unspecified|Fahrenheit|1|1970-01-01T00:00:00.0000000Z|5",
            JsonSerializer.Deserialize<string>(await Success(_tools, "refund", """{"request":{"orderId":"o1","amount":5}}""")));
        Assert.Equal("o1|False|late|Celsius|0.5|s|5",
            JsonSerializer.Deserialize<string>(await Success(_tools, "refund",
                """{"request":{"orderId":"o1","amount":5,"notifyCustomer":false,"reason":"late","unit":"Celsius","ratio":0.5,"stamp":"s"}}""")));
        var result = await Failure(_tools, "refund", """{"request":{"orderId":"o1","amount":0}}""", ToolErrorKind.InvalidArguments);
        Assert.Equal("Invalid value for 'request.amount': must be at least 0.01 and at most 10000.", result.ErrorMessage);
    }

    [Fact]
    public async Task Struct_init_only_members_keep_their_initializer()
    {
        Assert.Equal("10|0", JsonSerializer.Deserialize<string>(await Success(_tools, "resize", """{"window":{}}""")));
        Assert.Equal("3|2", JsonSerializer.Deserialize<string>(await Success(_tools, "resize", """{"window":{"size":3,"step":2}}""")));
        Assert.Equal("10", Schema("resize", "properties.window.properties.size.default").GetRawText());
    }

    [Fact]
    public async Task Records_optional_positional_parameters_keep_their_defaults()
    {
        Assert.Equal("q|True|2", JsonSerializer.Deserialize<string>(await Success(_tools, "search", """{"options":{"query":"q"}}""")));
        Assert.Equal("""["query"]""", Schema("search", "properties.options.required").GetRawText());
        Assert.Equal("true", Schema("search", "properties.options.properties.verbose.default").GetRawText());
    }

    [Fact]
    public async Task A_member_bound_through_a_constructor_parameter_takes_its_nullability()
    {
        Assert.Equal("(null)", JsonSerializer.Deserialize<string>(await Success(_tools, "bind", """{"bound":{"value":null}}""")));
        Assert.Equal("v", JsonSerializer.Deserialize<string>(await Success(_tools, "bind", """{"bound":{"value":"v"}}""")));
        Assert.Equal("""["string","null"]""", Schema("bind", "properties.bound.properties.value.type").GetRawText());
    }
}
