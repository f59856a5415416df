using ToolGen;

namespace ToolGen.Samples.Aot;

/// <summary>A service from the container, taken by a [FromServices] parameter.</summary>
public sealed class Warehouse
{
    public string Name { get; init; } = "Lyon";
}

/// <summary>The dependency-injection path: a parameter resolved from the call's services by generated code.</summary>
public static partial class WarehouseTools
{
    /// <summary>Reserves items of a SKU in the warehouse.</summary>
    /// <param name="sku">Stock-keeping unit.</param>
    /// <param name="quantity">How many items.</param>
    [Tool]
    public static string Reserve(string sku, int quantity, [FromServices] Warehouse warehouse) =>
        $"{quantity} x {sku} reserved in {warehouse.Name}";
}
