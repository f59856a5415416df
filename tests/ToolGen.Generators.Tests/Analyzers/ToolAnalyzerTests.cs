using System.Threading.Tasks;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>Each id fires on its exact span (<see cref="BadTools"/>), and nothing fires on well-declared tools.</summary>
public sealed class ToolAnalyzerTests
{
    [Theory]
    [MemberData(nameof(BadTools.Cases), MemberType = typeof(BadTools))]
    public Task Reports_each_flaw_on_its_span(BadTools.Case bad) => AnalyzerTest.VerifyAsync(bad.Source, bad.Expected);

    [Fact]
    public Task Well_declared_tools_produce_no_diagnostics() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public enum Unit { Celsius, Fahrenheit }

        /// <summary>A place on a map.</summary>
        public sealed record Address(string Street, string City);

        public partial class Outer
        {
            public static partial class Tools
            {
                /// <summary>Gets the current weather for a city.</summary>
                /// <param name="city">The city, for example "Berlin".</param>
                /// <param name="unit">The temperature unit of the answer.</param>
                [Tool(Strict = true)]
                public static Task<string> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
                    => Task.FromResult(city);

                [Tool("ship_parcel", Description = "Ships a parcel to an address.")]
                [Description("Ignored: Tool.Description wins.")]
                public static void Ship([Description("Where the parcel goes.")] Address to, [ToolParameter("weight_kg", Description = "Parcel weight in kilograms.")] double weight) { }

                [Tool, Description("Lists the tags of a document, for searching.")]
                public static Dictionary<string, string> Tags([Description("The document's identifier.")] Guid id) => new();

                /// <summary>Names the tool by its own name: allowed, the text is not only the name.</summary>
                [Tool]
                public static void Todo() { }
            }
        }
        """);

    [Fact]
    public Task A_cancellation_token_needs_no_description() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public partial class Tools
        {
            [Tool(Description = "Waits a moment.")]
            public static Task WaitAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Prose_that_mentions_a_placeholder_word_is_not_a_placeholder() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public partial class Tools
        {
            [Tool(Description = "Adds an item to the user's TODO list.")]
            public static void AddTodo([Description("Description of the task to add.")] string description) { }
        }
        """);

    [Fact]
    public Task A_non_partial_outer_type_is_reported_once_for_all_its_tool_types() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public class {|#0:Outer|}
        {
            public partial class First
            {
                [Tool(Description = "Pings.")]
                public static string Ping() => "pong";

                [Tool(Description = "Pongs.")]
                public static string Pong() => "ping";
            }

            public partial class Second
            {
                [Tool(Description = "Pings again.")]
                public static string PingAgain() => "pong";
            }
        }
        """, AnalyzerTest.Diagnostic("TG0007").WithLocation(0).WithArguments("Outer"));

    [Fact]
    public Task Strict_tools_within_the_limits_are_not_reported() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public sealed record Line(string Sku, int Quantity);
        public sealed record Order(string Customer, List<Line> Lines, DateOnly Due, Guid Id);

        public partial class Tools
        {
            [Tool(Description = "Places an order.", Strict = true)]
            public static void PlaceOrder([Description("The order.")] Order order, [Description("How urgent the order is, 1 (low) to 5 (high).")] int? priority = null) { }
        }
        """);
}
