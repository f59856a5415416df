using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;

namespace ToolGen.Samples.McpServer;

/// <summary>The shop's tools. Created per call: its constructor takes the shared inventory and the request's audit log.</summary>
public sealed partial class InventoryTools(Inventory inventory, AuditLog audit)
{
    /// <summary>Looks up a product by its SKU. Read-only.</summary>
    /// <param name="sku">The SKU, e.g. "TEA-001".</param>
    [Tool]
    public Product LookupProduct([RegularExpression("[A-Z]{3}-[0-9]{3}")] string sku) =>
        inventory.Find(sku) ?? throw new ToolException($"No product has the SKU '{sku}'. Use list_low_stock or ask the user.");

    /// <summary>Sets the unit price of a product. Setting the same price twice changes nothing.</summary>
    /// <param name="sku">The SKU, e.g. "TEA-001".</param>
    /// <param name="price">The new unit price in euros.</param>
    [Tool]
    public Product SetPrice([RegularExpression("[A-Z]{3}-[0-9]{3}")] string sku, [Range(0.01, 10000)] decimal price)
    {
        var product = inventory.Find(sku) ?? throw new ToolException($"No product has the SKU '{sku}'.");
        audit.Entries.Add($"price of {sku}: {product.Price} -> {price}");
        return inventory.Update(product with { Price = price });
    }

    /// <summary>Deletes a product from the catalogue, for good.</summary>
    /// <param name="sku">The SKU, e.g. "TEA-001".</param>
    /// <returns>Whether a product was deleted.</returns>
    [Tool]
    public bool DeleteProduct([RegularExpression("[A-Z]{3}-[0-9]{3}")] string sku)
    {
        audit.Entries.Add($"delete {sku}");
        return inventory.Remove(sku);
    }

    /// <summary>Lists the products whose stock is at or below a threshold, to reorder them.</summary>
    /// <param name="threshold">The most units in stock to report.</param>
    [Tool]
    public List<Product> ListLowStock([Range(0, 1000)] int threshold = 5) =>
        inventory.All().Where(p => p.Stock <= threshold).ToList();
}
