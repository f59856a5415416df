using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.Extensions.AI.Tests;

public enum Unit
{
    Celsius,
    Fahrenheit,
}

/// <summary>What get_weather returns.</summary>
/// <param name="City">The city.</param>
/// <param name="Temperature">The temperature in the requested unit.</param>
/// <param name="Unit">The unit.</param>
public sealed record Weather(string City, double Temperature, Unit Unit);

/// <summary>A line of an order.</summary>
/// <param name="Sku">The product code.</param>
/// <param name="Quantity">How many.</param>
public sealed record OrderLine(string Sku, int Quantity);

/// <summary>The tools the provider tests send to models: deterministic, no I/O.</summary>
public sealed partial class WeatherTools
{
    private static readonly Dictionary<string, double> Celsius = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Paris"] = 18.5,
        ["Rome"] = 24,
        ["Oslo"] = 7,
    };

    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city name, e.g. "Paris".</param>
    /// <param name="unit">The temperature unit.</param>
    [Tool]
    public Weather GetWeather(string city, Unit unit = Unit.Celsius)
    {
        // A city the service does not know is the model's mistake: permanent, never retried.
        if (!Celsius.TryGetValue(city, out double celsius))
        {
            throw new ToolException($"Unknown city '{city}'.", ToolErrorCategory.Permanent);
        }

        return new Weather(city, unit == Unit.Celsius ? celsius : (celsius * 9 / 5) + 32, unit);
    }

    /// <summary>Counts the items of an order.</summary>
    /// <param name="lines">The order lines.</param>
    /// <param name="note">A note for the warehouse.</param>
    [Tool]
    public string CountItems(List<OrderLine> lines, string? note = null)
    {
        int total = 0;
        foreach (OrderLine line in lines)
        {
            total += line.Quantity;
        }

        return note is null ? $"{total} items" : $"{total} items ({note})";
    }
}

/// <summary>Tools that show the dispatcher's policies through the adapter.</summary>
public sealed partial class PolicyTools
{
    private int _flakyCalls;

    /// <summary>Fails transiently on its first call, then succeeds.</summary>
    [Tool(Idempotent = true)]
    public string Flaky()
    {
        if (Interlocked.Increment(ref _flakyCalls) == 1)
        {
            throw new TimeoutException("upstream timed out");
        }

        return "ok";
    }

    /// <summary>Never finishes by itself: only its 50 ms timeout (on the dispatcher's clock) ends it.</summary>
    /// <param name="cancellationToken">The attempt's token.</param>
    [Tool(ReadOnly = true, TimeoutMilliseconds = 50)]
    public async Task<string> Slow(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return "late";
    }

    /// <summary>Blocks its thread until the test opens the gate, whatever its 50 ms timeout.</summary>
    [Tool(ReadOnly = true, TimeoutMilliseconds = 50, MaxAttempts = 1)]
    public string Blocking()
    {
        Gate.Wait(TimeSpan.FromSeconds(20));
        return "late";
    }

    /// <summary>Opened by the test that calls <see cref="Blocking"/>.</summary>
    public ManualResetEventSlim Gate { get; } = new();

    /// <summary>Echoes a strict argument.</summary>
    /// <param name="text">The text.</param>
    [Tool(Strict = true)]
    public string Echo(string text) => text;
}
