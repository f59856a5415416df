using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ToolGen.Samples.McpServer;

/// <summary>A product of the shop's catalogue.</summary>
/// <param name="Sku">The stock-keeping unit, e.g. "TEA-001".</param>
/// <param name="Name">The product's name.</param>
/// <param name="Price">The unit price in euros.</param>
/// <param name="Stock">Units in stock.</param>
public sealed record Product(string Sku, string Name, decimal Price, int Stock);

/// <summary>The shop's products, in memory (a real server would use a database).</summary>
public sealed class Inventory
{
    private readonly ConcurrentDictionary<string, Product> _products = new(StringComparer.OrdinalIgnoreCase);

    public Inventory()
    {
        foreach (var product in new[]
        {
            new Product("TEA-001", "Sencha green tea, 100 g", 8.50m, 42),
            new Product("TEA-002", "Assam black tea, 250 g", 11.90m, 3),
            new Product("MUG-001", "Stoneware mug", 14.00m, 0),
        })
        {
            _products[product.Sku] = product;
        }
    }

    public Product? Find(string sku) => _products.TryGetValue(sku, out var product) ? product : null;

    public Product Update(Product product) => _products[product.Sku] = product;

    public bool Remove(string sku) => _products.TryRemove(sku, out _);

    public IReadOnlyList<Product> All() => _products.Values.OrderBy(p => p.Sku, StringComparer.Ordinal).ToList();
}

/// <summary>What one request changed: a scoped service, created and disposed with the request's scope.</summary>
public sealed class AuditLog : IDisposable
{
    public Guid RequestId { get; } = Guid.NewGuid();

    public List<string> Entries { get; } = new();

    public void Dispose()
    {
        foreach (string entry in Entries)
        {
            Console.Error.WriteLine($"audit {RequestId}: {entry}");
        }
    }
}
