using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

// The README's "Three lines", checked: the program exits 1 if the schema or a result is not what the README shows
// (tests/ToolGen.Extensions.AI.Tests/QuickStartReadmeTests compares the README with the expected texts below).
int failures = 0;
CancellationToken ct = CancellationToken.None;

Expect("InputSchema", WeatherTools.ToolDefinitions[0].InputSchema,
    """{"type":"object","properties":{"city":{"type":"string","description":"The city name, e.g. \"Paris\"."},"unit":{"type":"string","enum":["Celsius","Fahrenheit"],"description":"The temperature unit.","default":"Celsius"}},"required":["city"],"additionalProperties":false}""");

IToolSet tools = new WeatherTools();
ToolResult result = await tools.InvokeAsync(new ToolCall("call_1", "get_weather", """{"city":"Paris"}"""), ct);
Expect("result.Content", result.Content,
    """{"success":true,"result":{"city":"Paris","temperature":18.5,"unit":"Celsius","conditions":"partly cloudy"}}""");

// Two of the README's argument-checking messages: an unknown argument and an unknown function.
Expect("unknown argument", (await tools.InvokeAsync(new ToolCall("call_2", "get_weather", """{"cty":"Paris"}"""), ct)).ErrorMessage,
    "Unknown argument 'cty'. Expected: city, unit.");
Expect("unknown function", (await tools.InvokeAsync(new ToolCall("call_3", "get_wether", """{"city":"Paris"}"""), ct)).ErrorMessage,
    "Unknown function 'get_wether'. Did you mean 'get_weather'?");

Console.WriteLine(failures == 0 ? "QuickStart: every output is as the README shows." : $"QuickStart: {failures} output(s) differ from the README.");
return failures == 0 ? 0 : 1;

void Expect(string what, string? actual, string expected)
{
    Console.WriteLine($"{what}: {actual}");
    if (!string.Equals(actual, expected, StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"  UNEXPECTED {what}; the README says: {expected}");
        failures++;
    }
}

/// <summary>Temperature units.</summary>
public enum Unit
{
    Celsius,
    Fahrenheit,
}

/// <summary>The weather at one place.</summary>
public sealed record Weather(string City, double Temperature, Unit Unit, string Conditions);

public sealed partial class WeatherTools
{
    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city name, e.g. "Paris".</param>
    /// <param name="unit">The temperature unit.</param>
    [Tool]
    public Task<Weather> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
    {
        double celsius = 18.5;
        double temperature = unit == Unit.Celsius ? celsius : (celsius * 9 / 5) + 32;
        return Task.FromResult(new Weather(city, temperature, unit, "partly cloudy"));
    }
}
