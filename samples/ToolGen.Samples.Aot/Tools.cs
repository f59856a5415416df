using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.Samples.Aot;

/// <summary>How urgently an order must ship.</summary>
public enum Priority
{
    Low,
    Normal,
    Express,
}

/// <summary>A postal address.</summary>
/// <param name="City">City name.</param>
/// <param name="Country">ISO 3166 two-letter country code.</param>
public sealed record Address(string City, string Country)
{
    /// <summary>Sales region; left out, it keeps its initializer (set through an [UnsafeAccessor] init call).</summary>
    public string Region { get; init; } = "EU";
}

/// <summary>One line of an order.</summary>
/// <param name="Sku">Stock-keeping unit.</param>
/// <param name="Quantity">How many items.</param>
/// <param name="UnitPrice">Price of one item.</param>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>An order to price.</summary>
/// <param name="Lines">The order lines.</param>
/// <param name="ShipTo">Where the order goes.</param>
/// <param name="Priority">Shipping priority.</param>
public sealed record Order(List<OrderLine> Lines, Address ShipTo, Priority Priority = Priority.Normal);

/// <summary>The price of an order.</summary>
public sealed record Quote(decimal Subtotal, decimal Shipping, decimal Total, int Items, string Destination);

/// <summary>Statistics over a list of numbers.</summary>
public sealed record Stats(int Count, double Min, double Max, double Mean);

/// <summary>Tools covering what reflection-based peers need runtime code generation for: async methods, records,
/// enums, lists and nested records, in both directions.</summary>
public sealed partial class ShopTools
{
    /// <summary>Prices an order, shipping included.</summary>
    /// <param name="order">The order to price.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    [Tool]
    public async Task<Quote> QuoteOrderAsync(Order order, CancellationToken cancellationToken = default)
    {
        await Task.Yield(); // a real tool would call a pricing service here
        cancellationToken.ThrowIfCancellationRequested();
        decimal subtotal = 0;
        int items = 0;
        foreach (var line in order.Lines)
        {
            subtotal += line.UnitPrice * line.Quantity;
            items += line.Quantity;
        }
        decimal shipping = order.Priority switch
        {
            Priority.Express => 15m,
            Priority.Normal => 5m,
            _ => 0m,
        };
        return new Quote(subtotal, shipping, subtotal + shipping, items, $"{order.ShipTo.City}, {order.ShipTo.Country} ({order.ShipTo.Region})");
    }

    /// <summary>Computes count, minimum, maximum and mean of numbers.</summary>
    /// <param name="values">The numbers; at least one.</param>
    [Tool]
    public static Stats Summarize(IReadOnlyList<double> values) =>
        new(values.Count, values.Min(), values.Max(), values.Average());

    /// <summary>Lists the priorities that can still ship today.</summary>
    /// <param name="hour">The current hour, 0 to 23.</param>
    [Tool]
    public static Task<List<Priority>> SameDayPrioritiesAsync(int hour) =>
        Task.FromResult(hour < 12
            ? new List<Priority> { Priority.Normal, Priority.Express }
            : new List<Priority> { Priority.Express });
}
