using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

// What a user writes without a source generator: AIFunctionFactory reflects over the delegate to build the schema and
// to bind arguments, with no JsonSerializerContext (the usual starting point). Exit code 0 only if every call works.
// Built with -p:UseReflectionResolver=true it passes options with the reflection-based resolver switched back on, the
// other way out that the NotSupportedException message of the default build suggests.
#if REFLECTION_RESOLVER
var serializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
};
#else
JsonSerializerOptions? serializerOptions = null;
#endif
Console.WriteLine($"dynamic code supported: {System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported}");
string stage = "AIFunctionFactory.Create";
try
{
    AIFunction quote = AIFunctionFactory.Create(
        [Description("Prices an order, shipping included.")]
        async ([Description("The order to price.")] Order order, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            decimal subtotal = 0;
            int items = 0;
            foreach (var line in order.Lines)
            {
                subtotal += line.UnitPrice * line.Quantity;
                items += line.Quantity;
            }
            decimal shipping = order.Priority == Priority.Express ? 15m : 5m;
            return new Quote(subtotal, shipping, subtotal + shipping, items, $"{order.ShipTo.City}, {order.ShipTo.Country}");
        },
        "quote_order",
        serializerOptions: serializerOptions);
    stage = "JsonSchema";
    Console.WriteLine($"schema: {quote.JsonSchema}");
    using var arguments = JsonDocument.Parse(
        """{"lines":[{"sku":"A-1","quantity":2,"unitPrice":9.5},{"sku":"B-2","quantity":1,"unitPrice":20}],"shipTo":{"city":"Lyon","country":"FR"},"priority":"Express"}""");
    stage = "first InvokeAsync";
    object? result = await quote.InvokeAsync(new AIFunctionArguments { ["order"] = arguments.RootElement.Clone() });
    Console.WriteLine($"result: {result}");
    return 0;
}
catch (Exception ex)
{
    Console.WriteLine($"{stage} failed: {ex.GetType().FullName}: {ex.Message}");
    return 1;
}

public enum Priority { Low, Normal, Express }
public sealed record Address(string City, string Country);
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);
public sealed record Order(List<OrderLine> Lines, Address ShipTo, Priority Priority = Priority.Normal);
public sealed record Quote(decimal Subtotal, decimal Shipping, decimal Total, int Items, string Destination);
