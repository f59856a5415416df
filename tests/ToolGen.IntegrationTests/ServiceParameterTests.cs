using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace ToolGen.IntegrationTests;

/// <summary>A service a tool parameter takes.</summary>
public sealed class Ledger
{
    public string Name { get; init; } = "main";

    public int Entries;
}

/// <summary>Tools whose parameters come from the call's services, compiled by the real generator.</summary>
public static partial class ServiceParameterTools
{
    /// <summary>Books an amount.</summary>
    /// <param name="amount">The amount.</param>
    [Tool]
    public static string Book(int amount, [FromServices] Ledger ledger)
    {
        ledger.Entries++;
        return $"{ledger.Name}: {amount} (#{ledger.Entries})";
    }

    /// <summary>Books into the archive ledger.</summary>
    /// <param name="amount">The amount.</param>
    [Tool]
    public static string Archive(int amount, [FromKeyedServices("archive")] Ledger ledger) => $"{ledger.Name}: {amount}";

    /// <summary>Says which ledger is there, if any.</summary>
    [Tool]
    public static string Which([FromServices] Ledger? ledger = null) => ledger?.Name ?? "none";

    /// <summary>Reads the provider itself.</summary>
    [Tool]
    public static bool HasProvider(IServiceProvider services) => services.GetService(typeof(Ledger)) is not null;
}

public sealed class ServiceParameterTests
{
    private static ServiceProvider Services() => new ServiceCollection()
        .AddSingleton(new Ledger())
        .AddKeyedSingleton("archive", new Ledger { Name = "archive" })
        .BuildServiceProvider();

    private static ValueTask<ToolResult> Run(string name, string arguments, IServiceProvider? services) =>
        ServiceParameterTools.ToolSet.InvokeAsync(new ToolCall("c", name, arguments) { Services = services }, default);

    [Fact]
    public void Service_parameters_are_not_in_the_schema()
    {
        using JsonDocument book = JsonDocument.Parse(ServiceParameterTools.ToolDefinitions[0].InputSchema);
        Assert.Equal("""{"amount":{"type":"integer","minimum":-2147483648,"maximum":2147483647,"description":"The amount."}}""", book.RootElement.GetProperty("properties").GetRawText());
        Assert.Equal("""["amount"]""", book.RootElement.GetProperty("required").GetRawText());
        Assert.Equal("""{"type":"object","properties":{},"required":[],"additionalProperties":false}""", ServiceParameterTools.ToolDefinitions[3].InputSchema);
    }

    [Fact]
    public async Task FromServices_FromKeyedServices_and_IServiceProvider_are_resolved_from_the_call()
    {
        using ServiceProvider services = Services();

        Assert.Equal("\"main: 5 (#1)\"", (await Run("book", """{"amount":5}""", services)).ResultJson);
        Assert.Equal("\"archive: 7\"", (await Run("archive", """{"amount":7}""", services)).ResultJson);
        Assert.Equal("\"main\"", (await Run("which", "{}", services)).ResultJson);
        Assert.Equal("true", (await Run("has_provider", "{}", services)).ResultJson);
    }

    [Fact]
    public async Task A_service_argument_sent_by_the_model_is_an_unknown_argument()
    {
        using ServiceProvider services = Services();
        ToolResult result = await Run("book", """{"amount":5,"ledger":{}}""", services);

        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.Equal("Unknown argument 'ledger'. Expected: amount.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_call_without_services_gets_a_clear_error_from_the_dispatcher()
    {
        var dispatcher = new ToolDispatcher(ServiceParameterTools.ToolSet);

        ToolResult result = await dispatcher.DispatchAsync(new ToolCall("c", "book", """{"amount":5}"""));

        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(
            "The tool 'book' needs services for its parameter 'ledger', but the call carries none; dispatch it with ToolCall.Services set (the Microsoft.Extensions.AI adapter does).",
            result.ErrorMessage);
    }

    [Fact]
    public async Task A_missing_service_names_its_type_and_parameter_and_an_optional_one_gets_its_default()
    {
        using ServiceProvider empty = new ServiceCollection().BuildServiceProvider();
        var dispatcher = new ToolDispatcher(ServiceParameterTools.ToolSet);

        ToolResult book = await dispatcher.DispatchAsync(new ToolCall("c", "book", """{"amount":5}""") { Services = empty });
        ToolResult archive = await dispatcher.DispatchAsync(new ToolCall("c", "archive", """{"amount":5}""") { Services = empty });
        ToolResult which = await dispatcher.DispatchAsync(new ToolCall("c", "which", "{}"));

        Assert.Equal("The tool 'book' needs a service of type 'Ledger' for its parameter 'ledger', which is not registered.", book.ErrorMessage);
        Assert.Equal("The tool 'archive' needs a service of type 'Ledger' with key 'archive' for its parameter 'ledger', which is not registered.", archive.ErrorMessage);
        Assert.Equal("\"none\"", which.ResultJson);
    }

    [Fact]
    public async Task Bad_arguments_are_reported_before_services_are_looked_up()
    {
        ToolResult result = await Run("book", "{}", services: null);

        Assert.Equal(ToolErrorKind.MissingArgument, result.ErrorKind);
    }
}
