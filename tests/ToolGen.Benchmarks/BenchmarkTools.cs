using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.Benchmarks;

public enum Unit
{
    Celsius,
    Fahrenheit,
}

public sealed record Weather(string City, double Temperature, Unit Unit, string Conditions);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record Address(string Street, string City, string Country);

public sealed record Order(string Customer, Address ShipTo, List<OrderLine> Lines);

public sealed record OrderSummary(string Customer, int Lines, decimal Total);

/// <summary>The three benchmark tools; the same methods are called by every implementation compared.</summary>
public sealed partial class BenchmarkTools
{
    /// <summary>Gets the current weather for a city.</summary>
    [Tool]
    public Weather GetWeather(string city, Unit unit = Unit.Celsius) => new(city, unit == Unit.Celsius ? 21.5 : 70.7, unit, "sunny");

    /// <summary>A tool with ten mixed parameters.</summary>
    [Tool]
    public int Mixed(int count, long id, double ratio, decimal price, bool flag, Unit unit, int? limit, DateTime when, Guid key, string[] tags)
        => count + (int)(id % 7) + (flag ? 1 : 0) + (int)unit + (limit ?? 0) + when.Day + key.GetHashCode() % 3 + tags.Length + (int)ratio + (int)price;

    /// <summary>Summarises an order.</summary>
    [Tool]
    public OrderSummary PlaceOrder(Order order)
    {
        decimal total = 0;
        foreach (var line in order.Lines)
        {
            total += line.Quantity * line.UnitPrice;
        }

        return new OrderSummary(order.Customer, order.Lines.Count, total);
    }

    /// <summary>An async tool that takes 50 ms (batch benchmark only).</summary>
    [Tool]
    public async Task<int> SlowAsync(int n, CancellationToken cancellationToken)
    {
        await Task.Delay(50, cancellationToken);
        return n;
    }
}

/// <summary>The payloads a model would send for each tool.</summary>
public static class Payloads
{
    public const string GetWeather = """{"city":"Paris","unit":"Fahrenheit"}""";

    public const string Mixed = """{"count":3,"id":9007199254740993,"ratio":0.75,"price":19.99,"flag":true,"unit":"Celsius","limit":null,"when":"2025-06-01T09:30:00Z","key":"123e4567-e89b-12d3-a456-426614174000","tags":["a","b","c"]}""";

    public const string PlaceOrder = """{"order":{"customer":"ACME","shipTo":{"street":"1 Main St","city":"Oslo","country":"NO"},"lines":[{"sku":"A1","quantity":2,"unitPrice":9.5},{"sku":"B2","quantity":1,"unitPrice":120},{"sku":"C3","quantity":10,"unitPrice":0.99}]}}""";
}
