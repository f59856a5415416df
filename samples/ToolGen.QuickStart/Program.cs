using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

var tools = new WeatherTools();
foreach (var definition in WeatherTools.ToolDefinitions)
{
    Console.WriteLine($"{definition.Name}: {definition.Description}");
    Console.WriteLine($"  {definition.InputSchema}");
}

IToolSet set = tools;
foreach (var call in new[]
{
    new ToolCall("call_1", "get_weather", """{"city":"Paris","unit":"Fahrenheit"}"""),
    new ToolCall("call_2", "get_weather", """{"cty":"Paris"}"""),
    new ToolCall("call_3", "get_wether", """{"city":"Paris"}"""),
})
{
    var result = await set.InvokeAsync(call, CancellationToken.None);
    Console.WriteLine($"{call.Name} -> {result.Content}");
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
