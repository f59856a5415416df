using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>tools/call through the SDK's client: every outcome is a result, except what the spec makes a protocol error.</summary>
public class ToolsCallTests
{
    private static CallToolRequestParams Call(string name, string argumentsJson) => new()
    {
        Name = name,
        Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson)!,
    };

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    [Fact]
    public async Task A_valid_call_returns_json_text_and_the_same_value_as_structured_content()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var result = await server.Client.CallToolAsync(Call("lookup_contact", """{"name":"Ada Lovelace"}"""));
        Assert.NotEqual(true, result.IsError);
        const string expected = """{"name":"Ada Lovelace","email":"ada.lovelace@example.com","visits":12}""";
        Assert.Equal(expected, Text(result));
        Assert.Equal(expected, result.StructuredContent!.Value.GetRawText());
    }

    [Fact]
    public async Task Structured_content_is_valid_against_the_advertised_output_schema_in_both_protocol_shapes()
    {
        var calls = new (string Tool, string Arguments)[]
        {
            ("lookup_contact", """{"name":"Ada"}"""),
            ("count_visits", """{"from":"2025-03-04","days":3}"""),
            ("list_names", """{"prefix":"Dr "}"""),
            ("echo", """{"text":"hi"}"""),
            ("tree", "{}"),
            ("find", """{"name":"Ada"}"""),
        };
        foreach (string? version in new[] { null, "2025-06-18" })
        {
            await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()), version);
            var tools = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
            foreach (var (tool, arguments) in calls)
            {
                var result = await server.Client.CallToolAsync(Call(tool, arguments));
                Assert.NotEqual(true, result.IsError);
                string schemaText = tools[tool].OutputSchema!.Value.GetRawText();
                var schema = await NJsonSchema.JsonSchema.FromJsonAsync(schemaText.Replace("\"$defs\"", "\"definitions\"").Replace("/$defs/", "/definitions/"));
                string content = result.StructuredContent!.Value.GetRawText();
                var errors = schema.Validate(content);
                Assert.True(errors.Count == 0, $"{version}: {tool}: {content} against {schemaText}: {string.Join("; ", errors)}");
            }
        }
    }

    [Fact]
    public async Task Non_object_values_are_natural_for_new_clients_and_wrapped_for_older_ones()
    {
        await using var natural = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        await using var legacy = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()), "2025-06-18");
        var a = await natural.Client.CallToolAsync(Call("count_visits", """{"from":"2025-03-04"}"""));
        var b = await legacy.Client.CallToolAsync(Call("count_visits", """{"from":"2025-03-04"}"""));
        Assert.Equal("11", Text(a));
        Assert.Equal("11", a.StructuredContent!.Value.GetRawText());
        Assert.Equal("11", Text(b));
        Assert.Equal("""{"result":11}""", b.StructuredContent!.Value.GetRawText());

        // A string result is its text in content, as the SDK's own tools send it.
        var echo = await legacy.Client.CallToolAsync(Call("echo", """{"text":"say \"hi\""}"""));
        Assert.Equal("say \"hi\"", Text(echo));
        Assert.Equal("""{"result":"say \u0022hi\u0022"}""", echo.StructuredContent!.Value.GetRawText());
    }

    [Fact]
    public async Task Void_tools_and_null_objects_have_no_structured_content()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var forget = await server.Client.CallToolAsync(Call("forget", "{}"));
        Assert.NotEqual(true, forget.IsError);
        Assert.Empty(forget.Content);
        Assert.Null(forget.StructuredContent);
        var nobody = await server.Client.CallToolAsync(Call("find", """{"name":"nobody"}"""));
        Assert.Equal("null", Text(nobody));
        Assert.Null(nobody.StructuredContent);
    }

    [Theory]
    [InlineData("lookup_contact", "{}", "Missing required argument 'name'.")]
    [InlineData("lookup_contact", """{"nam":"Ada"}""", "Unknown argument 'nam'. Expected: name.")]
    [InlineData("lookup_contact", """{"name":""}""", "Invalid value for 'name'")]
    [InlineData("count_visits", """{"from":"2025-02-30"}""", "Invalid value for 'from'")]
    [InlineData("count_visits", """{"from":"2025-03-04","days":32}""", "must be at least 1 and at most 31")]
    [InlineData("echo", """{"text":5}""", "Invalid value for 'text'")]
    public async Task Invalid_arguments_are_error_results_with_the_parser_message(string tool, string arguments, string message)
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var result = await server.Client.CallToolAsync(Call(tool, arguments));
        Assert.True(result.IsError);
        Assert.Contains(message, Text(result));
        Assert.Null(result.StructuredContent);
    }

    [Fact]
    public async Task Lenient_calls_use_defaults_for_absent_optional_arguments_and_accept_missing_arguments_objects()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var names = await server.Client.CallToolAsync(new CallToolRequestParams { Name = "list_names" });
        Assert.Equal("""["Ada","Bob"]""", Text(names));
        var visits = await server.Client.CallToolAsync(Call("count_visits", """{"from":"2025-03-04"}"""));
        Assert.Equal("11", Text(visits)); // days = 7
    }

    [Fact]
    public async Task Tool_failures_are_error_results_with_toolgen_messages_never_internals()
    {
        var options = new ToolDispatcherOptions { IncludeExceptionMessages = false, MaxAttempts = 1 };
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(options, new DirectoryTools()));
        var refused = await server.Client.CallToolAsync(Call("refuse", """{"reason":"closed"}"""));
        Assert.True(refused.IsError);
        Assert.Equal("Refused: closed", Text(refused));
        var crashed = await server.Client.CallToolAsync(Call("crash", "{}"));
        Assert.True(crashed.IsError);
        // crash says nothing of its effects, so the model is also told a retry may repeat them.
        Assert.Equal("The tool failed with an internal error. It may have taken effect before failing, and calling it again may repeat that effect: check before retrying.", Text(crashed));
        Assert.DoesNotContain("secret", Text(crashed));
    }

    [Fact]
    public async Task An_unknown_tool_is_the_sdk_protocol_error_with_a_did_you_mean()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.CallToolAsync(Call("lookup_contcat", "{}")).AsTask());
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("Unknown function 'lookup_contcat'. Did you mean 'lookup_contact'?", error.Message);
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_is_an_error_result_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        var tools = new DirectoryTools();
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new ToolDispatcherOptions { TimeProvider = time }, tools));
        var pending = server.Client.CallToolAsync(Call("wait", "{}")).AsTask();
        await tools.Started;
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending;
        Assert.True(result.IsError);
        Assert.Equal("The tool 'wait' did not finish within 5 s. It may still complete, or may already have completed: check whether it took effect before calling it again.", Text(result));
        await tools.Canceled; // the tool's token fired
    }

    [Fact]
    public async Task A_client_cancellation_cancels_the_tool_and_sends_no_result()
    {
        var tools = new DirectoryTools();
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(tools));
        using var cancel = new CancellationTokenSource();
        var pending = server.Client.CallToolAsync(Call("wait", "{}"), cancel.Token).AsTask();
        await tools.Started;
        cancel.Cancel(); // the client sends notifications/cancelled
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await tools.Canceled;

        // The session goes on.
        Assert.Equal("ok", Text(await server.Client.CallToolAsync(Call("echo", """{"text":"ok"}"""))));
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_result()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools(new DirectoryTools()));
        var calls = Enumerable.Range(0, 40).Select(i => i % 4 == 3
            ? server.Client.CallToolAsync(Call("echo", """{"text":7}""")).AsTask()
            : server.Client.CallToolAsync(Call("echo", $$"""{"text":"n{{i}}"}""")).AsTask()).ToArray();
        var results = await Task.WhenAll(calls);
        for (int i = 0; i < results.Length; i++)
        {
            if (i % 4 == 3)
            {
                Assert.True(results[i].IsError);
            }
            else
            {
                Assert.Equal("n" + i, Text(results[i]));
            }
        }
    }

    [Fact]
    public async Task Tool_classes_registered_by_type_are_created_per_call_in_the_request_scope()
    {
        await using var server = await InMemoryServer.StartAsync((services, mcp) =>
        {
            services.AddSingleton<DisposalRecord>();
            services.AddScoped<RequestLog>();
            mcp.WithToolGenTools<ScopedTools>();
        });
        string first = Text(await server.Client.CallToolAsync(Call("request_id", "{}")));
        string second = Text(await server.Client.CallToolAsync(Call("request_id", "{}")));
        Assert.True(Guid.TryParse(first, out Guid a), first); // one RequestLog for the constructor and the scope
        Assert.True(Guid.TryParse(second, out Guid b), second);
        Assert.NotEqual(a, b);
        var record = server.Services.GetRequiredService<DisposalRecord>();
        Assert.True(record.Contains(a)); // the request's scope ended with its call
    }

    [Fact]
    public async Task A_tool_class_whose_service_is_missing_fails_as_a_result()
    {
        await using var server = await InMemoryServer.StartAsync((_, mcp) => mcp.WithToolGenTools<ScopedTools>());
        var result = await server.Client.CallToolAsync(Call("request_id", "{}"));
        Assert.True(result.IsError);
        Assert.Contains("needs a service of type 'RequestLog'", Text(result));
    }
}
