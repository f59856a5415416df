using System.Linq;

namespace ToolGen.Generators.Tests;

/// <summary>The generated source for representative tool sets, compared with reviewed snapshots.</summary>
public class SnapshotTests
{
    [Fact]
    public void Weather_tools() => Verify("WeatherTools", """
        using System.Threading;
        using System.Threading.Tasks;
        using ToolGen;

        namespace Demo;

        public enum Unit { Celsius, Fahrenheit }

        public sealed record Weather(string City, double Temperature, Unit Unit);

        public sealed partial class WeatherTools
        {
            /// <summary>Gets the current weather for a city.</summary>
            /// <param name="city">The city, e.g. "Paris".</param>
            /// <param name="unit">The temperature unit.</param>
            [Tool]
            public Task<Weather> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
                => Task.FromResult(new Weather(city, 20, unit));
        }
        """);

    [Fact]
    public void Static_tools_with_constraints_and_collections() => Verify("StaticTools", """
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.ComponentModel.DataAnnotations;
        using ToolGen;

        public static partial class Catalog
        {
            [Tool(Description = "Searches the catalog.", TimeoutMilliseconds = 2000, MaxAttempts = 2, ReadOnly = true, Title = "Catalog search")]
            public static IReadOnlyList<string> Search(
                [Description("Free text.")][StringLength(100, MinimumLength = 1)] string query,
                [Range(1, 50)] int limit = 10,
                HashSet<string>? tags = null,
                Dictionary<string, double>? boosts = null)
                => new List<string> { query };

            /// <summary>Deletes an item.</summary>
            /// <param name="id">The item id.</param>
            [Tool("delete-item", Idempotent = true, OpenWorld = false)]
            public static void Delete(System.Guid id)
            {
            }
        }
        """);

    [Fact]
    public void Nested_records_recursion_and_strict_mode() => Verify("OrderTools", """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using ToolGen;

        namespace Shop.Orders;

        public sealed record Line(string Sku, int Quantity = 1);

        public sealed class Category
        {
            public string Name { get; set; } = "";
            public List<Category> Children { get; set; } = new();
        }

        public sealed record Order(string Customer, Line[] Lines)
        {
            [JsonPropertyName("ship_by")]
            public DateOnly? ShipBy { get; init; }

            public string? Note { get; set; }
        }

        public partial class Outer
        {
            public sealed partial class OrderTools
            {
                /// <summary>Places an order.</summary>
                /// <param name="order">The order.</param>
                [Tool(Strict = true)]
                public async System.Threading.Tasks.ValueTask<Guid> PlaceOrderAsync(Order order)
                {
                    await System.Threading.Tasks.Task.Yield();
                    return Guid.Empty;
                }

                /// <summary>Files a category tree.</summary>
                /// <param name="root">The root category.</param>
                [Tool]
                public int File(Category root) => 1;
            }
        }
        """);

    private static void Verify(string name, string source)
    {
        var (_, result, diagnostics) = GeneratorRunner.Run(source); // diagnostics include the output compilation's
        Assert.True(diagnostics.All(d => d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), GeneratorRunner.Describe(diagnostics));
        var generated = Assert.Single(result.Results).GeneratedSources;
        var text = string.Join("\n// ---- next file ----\n", generated.Select(s => "// " + s.HintName + "\n" + s.SourceText));
        Snapshot.Match(name, text);
    }
}
