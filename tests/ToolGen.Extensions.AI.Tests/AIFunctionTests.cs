using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using ToolGen;
using ToolGen.Extensions.AI;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

public sealed class AIFunctionTests
{
    private static readonly ToolDispatcher Dispatcher = new(new WeatherTools());

    private static ToolGenAIFunction Function(string name, ToolDispatcher? dispatcher = null) =>
        (dispatcher ?? Dispatcher).AsAIFunctions().Cast<ToolGenAIFunction>().Single(f => f.Name == name);

    [Fact]
    public void Definitions_come_from_the_generated_code()
    {
        IList<AITool> tools = Dispatcher.AsAIFunctions();

        Assert.Equal(["get_weather", "count_items"], tools.Select(t => t.Name));
        var weather = Assert.IsType<ToolGenAIFunction>(tools[0]);
        Assert.Same(WeatherTools.ToolDefinitions[0], weather.Definition);
        Assert.Equal("Gets the current weather for a city.", weather.Description);
        Assert.Equal(WeatherTools.ToolDefinitions[0].InputSchema, weather.JsonSchema.GetRawText());
        Assert.Null(weather.UnderlyingMethod);
        Assert.Empty(weather.AdditionalProperties);
    }

    [Fact]
    public void Every_call_returns_a_fresh_list_with_the_same_schemas()
    {
        IList<AITool> first = Dispatcher.AsAIFunctions();
        IList<AITool> second = Dispatcher.AsAIFunctions();

        Assert.NotSame(first, second);
        second.Add(AIFunctionFactory.Create(() => 1, "other")); // composes with ChatOptions.Tools: a mutable list
        Assert.Equal(2, first.Count);
        Assert.True(JsonElement.DeepEquals(((AIFunction)first[0]).JsonSchema, ((AIFunction)second[0]).JsonSchema));
    }

    [Fact]
    public void Strict_tools_expose_the_strict_schema_and_the_strict_flag()
    {
        ToolGenAIFunction echo = Function("echo", new ToolDispatcher(new PolicyTools()));

        Assert.Equal(PolicyTools.ToolDefinitions.Single(d => d.Name == "echo").StrictInputSchema, echo.JsonSchema.GetRawText());
        Assert.Equal(true, echo.AdditionalProperties["strict"]);
    }

    [Fact]
    public async Task Json_element_arguments_run_through_the_generated_parser()
    {
        AIFunctionArguments arguments = new(JsonSerializer.Deserialize<Dictionary<string, object?>>("""{"city":"Paris","unit":"Fahrenheit"}""")!);

        object? result = await Function("get_weather").InvokeAsync(arguments).Guarded();

        Assert.Equal("""{"success":true,"result":{"city":"Paris","temperature":65.3,"unit":"Fahrenheit"}}""", Assert.IsType<JsonElement>(result).GetRawText());
    }

    [Fact]
    public async Task Clr_values_are_written_without_reflection()
    {
        var arguments = new AIFunctionArguments
        {
            ["lines"] = new List<object?>
            {
                new Dictionary<string, object?> { ["sku"] = "A-1", ["quantity"] = 2 },
                new Dictionary<string, object?> { ["sku"] = JsonNode.Parse("\"B-2\""), ["quantity"] = 3L },
            },
            ["note"] = "fragile",
        };

        ToolResult result = await Function("count_items").InvokeToolAsync(arguments).Guarded();

        Assert.Equal("""{"success":true,"result":"5 items (fragile)"}""", result.Content);
    }

    [Fact]
    public async Task Enums_and_nulls_are_written_directly()
    {
        var arguments = new AIFunctionArguments { ["city"] = "Oslo", ["unit"] = Unit.Fahrenheit };
        ToolResult weather = await Function("get_weather").InvokeToolAsync(arguments).Guarded();
        Assert.True(weather.IsSuccess, weather.Content);

        var withNull = new AIFunctionArguments { ["lines"] = Array.Empty<OrderLine>(), ["note"] = null };
        ToolResult count = await Function("count_items").InvokeToolAsync(withNull).Guarded();
        Assert.Equal("""{"success":true,"result":"0 items"}""", count.Content);
    }

    [Fact]
    public async Task Other_clr_objects_use_the_serializer_contract_of_the_options()
    {
        // Reflection is on in tests, so the default options (AIJsonUtilities, web naming) write records by contract.
        var arguments = new AIFunctionArguments { ["lines"] = new[] { new OrderLine("A-1", 4) } };

        ToolResult result = await Function("count_items").InvokeToolAsync(arguments).Guarded();

        Assert.Equal("""{"success":true,"result":"4 items"}""", result.Content);
    }

    [Fact]
    public async Task A_clr_object_without_a_contract_is_an_invalid_arguments_result()
    {
        // Source-generated options only, as under Native AOT: OrderLine has no contract there.
        ToolGenAIFunction function = Dispatcher.AsAIFunctions(NoReflectionContext.Default.Options)
            .Cast<ToolGenAIFunction>().Single(f => f.Name == "count_items");
        var arguments = new AIFunctionArguments { ["lines"] = new[] { new OrderLine("A-1", 4) } };

        object? result = await function.InvokeAsync(arguments).Guarded();

        JsonElement content = Assert.IsType<JsonElement>(result);
        Assert.False(content.GetProperty("success").GetBoolean());
        Assert.Equal("invalid_arguments", content.GetProperty("error_type").GetString());
        Assert.Equal("permanent", content.GetProperty("category").GetString());
        Assert.StartsWith("Invalid value for 'lines[0]': a OrderLine cannot be written as JSON without reflection", content.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Non_finite_numbers_and_cycles_are_invalid_arguments()
    {
        var nan = new AIFunctionArguments { ["city"] = double.NaN };
        ToolResult nanResult = await Function("get_weather").InvokeToolAsync(nan).Guarded();
        Assert.Equal("Invalid value for 'city': NaN is not a JSON number.", nanResult.ErrorMessage);

        var cycle = new List<object?>();
        cycle.Add(cycle);
        ToolResult cycleResult = await Function("count_items").InvokeToolAsync(new AIFunctionArguments { ["lines"] = cycle }).Guarded();
        Assert.Equal(ToolErrorKind.InvalidArguments, cycleResult.ErrorKind);
        Assert.Contains("deeper than 64 levels", cycleResult.ErrorMessage);
    }

    [Fact]
    public async Task A_json_value_nested_too_deep_is_an_invalid_arguments_result()
    {
        string deep = new string('[', 70) + new string(']', 70);
        using JsonDocument document = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 100 });

        ToolResult result = await Function("count_items").InvokeToolAsync(new AIFunctionArguments { ["lines"] = document.RootElement }).Guarded();

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.StartsWith("The arguments cannot be written as JSON:", result.ErrorMessage);
    }

    [Fact]
    public async Task Bad_arguments_are_reported_by_the_generated_parser()
    {
        var arguments = new AIFunctionArguments { ["cty"] = "Paris" };

        ToolResult result = await Function("get_weather").InvokeToolAsync(arguments).Guarded();

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.Equal("Unknown argument 'cty'. Expected: city, unit.", result.ErrorMessage);
    }

    [Fact]
    public async Task Timeouts_and_retries_of_the_dispatcher_apply()
    {
        // The backoff and the timeout both run on a fake clock: nothing here waits for real time.
        var clock = new FakeTimeProvider();
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { TimeProvider = clock, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false }, new PolicyTools());

        ToolResult flaky = await Advancing(clock, Function("flaky", dispatcher).InvokeToolAsync(new AIFunctionArguments()).AsTask()).Guarded();
        ToolResult slow = await Advancing(clock, Function("slow", dispatcher).InvokeToolAsync(new AIFunctionArguments()).AsTask()).Guarded();

        Assert.True(flaky.IsSuccess);
        Assert.Equal(2, flaky.Attempts);
        Assert.True(flaky.Elapsed >= TimeSpan.FromSeconds(1), $"{flaky.Elapsed}"); // the backoff waited on the fake clock
        Assert.Equal(ToolErrorKind.Timeout, slow.ErrorKind);
        Assert.Equal(ToolErrorCategory.Transient, slow.Category);
    }

    /// <summary>Moves the fake clock on in 10 ms steps until <paramref name="task"/> completes (Guarded bounds it).</summary>
    private static async Task<T> Advancing<T>(FakeTimeProvider clock, Task<T> task)
    {
        while (!task.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        return await task;
    }

    [Fact]
    public async Task A_blocking_synchronous_tool_gets_its_timeout_result_on_time_through_the_adapter()
    {
        var tools = new PolicyTools();
        var dispatcher = new ToolDispatcher(tools);

        ToolResult result = await Function("blocking", dispatcher).InvokeToolAsync(new AIFunctionArguments()).Guarded();
        bool stillBlocked = !tools.Gate.IsSet;
        tools.Gate.Set();

        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.True(stillBlocked); // answered at the timeout while the tool still held its (tool) thread
    }

    [Fact]
    public async Task Tool_failures_are_results_not_exceptions()
    {
        object? result = await Function("get_weather").InvokeAsync(new AIFunctionArguments { ["city"] = "Atlantis" }).Guarded();

        Assert.Equal(
            """{"success":false,"error":"Unknown city 'Atlantis'.","error_type":"execution_error","category":"permanent"}""",
            Assert.IsType<JsonElement>(result).GetRawText());
    }

    [Fact]
    public async Task Caller_cancellation_throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Function("get_weather").InvokeAsync(new AIFunctionArguments { ["city"] = "Paris" }, source.Token).Guarded());
    }

    [Fact]
    public async Task A_tool_set_gets_its_own_dispatcher()
    {
        IList<AITool> tools = new WeatherTools().AsAIFunctions(new ToolDispatcherOptions { MaxAttempts = 1 });

        ToolResult result = await ((ToolGenAIFunction)tools[0]).InvokeToolAsync(new AIFunctionArguments { ["city"] = "Rome" }).Guarded();

        Assert.Equal("""{"success":true,"result":{"city":"Rome","temperature":24,"unit":"Celsius"}}""", result.Content);
    }
}

/// <summary>Options without reflection, as a Native AOT app would have: only the listed types have contracts.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class NoReflectionContext : JsonSerializerContext;
