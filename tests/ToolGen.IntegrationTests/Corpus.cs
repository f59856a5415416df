using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.IntegrationTests;

public enum Unit
{
    Celsius,
    Fahrenheit,
}

public enum Priority
{
    Low,
    [JsonStringEnumMemberName("high")]
    High,
    Urgent = High, // an alias: read by its name, written as "high"
}

/// <summary>A line of an order.</summary>
/// <param name="Sku">The product code.</param>
/// <param name="Quantity">How many.</param>
public sealed record OrderLine(string Sku, [Range(1, 100)] int Quantity = 1);

/// <summary>An order to place.</summary>
public sealed record Order(string Customer, List<OrderLine> Lines, Address? ShipTo = null)
{
    /// <summary>Free-text note.</summary>
    public string? Note { get; set; }

    public Priority Priority { get; init; }

    public required DateOnly Due { get; init; }
}

public sealed class Address
{
    [JsonPropertyName("street_line")]
    [Description("Street and number.")]
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    [JsonIgnore]
    public string Ignored { get; set; } = "ignored";

    public int? Floor { get; set; }
}

public struct Point
{
    public double X { get; set; }

    public double Y { get; set; }
}

/// <summary>A tree node (recursive type).</summary>
public sealed class TreeNode
{
    public string Name { get; set; } = "";

    public List<TreeNode> Children { get; set; } = new();
}

public sealed record Weather(string City, double Temperature, Unit Unit);

/// <summary>A result with a member of every scalar kind the result writer has a shortcut for, nullable or not.</summary>
public sealed record Reading(
    string? Label, bool Ok, byte Small, int Count, ulong Big, decimal Price, double Value, float Ratio,
    Guid Id, DateTime At, DateTimeOffset AtOffset, Unit Unit, int? Maybe, Unit? MaybeUnit, double? MaybeValue);

/// <summary>Tools that echo their arguments, covering every row of the type table.</summary>
public sealed partial class EchoTools
{
    /// <summary>Echoes scalars.</summary>
    [Tool]
    public static string Scalars(string s, bool b, byte u8, sbyte i8, short i16, ushort u16, int i32, uint u32, long i64, ulong u64, float f32, double f64, decimal dec, char c)
        => JsonSerializer.Serialize(new object[] { s, b, u8, i8, i16, u16, i32, u32, i64, u64, f32, f64, dec, c.ToString() });

    /// <summary>Echoes dates and identifiers.</summary>
    [Tool]
    public static string Formats(DateTime when, DateTimeOffset at, DateOnly day, TimeOnly time, TimeSpan span, Guid id, Uri link)
        => string.Join("|", when.ToString("O"), at.ToString("O"), day.ToString("O"), time.ToString("O"), span.ToString("c"), id.ToString("D"), link.OriginalString);

    /// <summary>Echoes nullables.</summary>
    [Tool]
    public static string Nullables(int? count, string? name, Unit? unit, DateTime? when)
        => $"{count?.ToString() ?? "null"}|{name ?? "null"}|{unit?.ToString() ?? "null"}|{when?.ToString("O") ?? "null"}";

    /// <summary>Echoes collections.</summary>
    [Tool]
    public static string Collections(string[] tags, List<int> numbers, IReadOnlyList<double> values, IEnumerable<string> names, HashSet<string> unique, Dictionary<string, int> counts, IReadOnlyDictionary<string, string?> labels)
        => JsonSerializer.Serialize(new object[] { tags, numbers, values, names, unique, counts, labels });

    /// <summary>Returns a reading: ordinary values (kind 0) or edge values (nulls, non-finite numbers, an undefined enum value).</summary>
    [Tool]
    public static Reading Reading(int kind) => kind == 0
        ? new("a\"b", true, 255, -7, ulong.MaxValue, 1.25m, 0.5, 2.5f, new Guid("123e4567-e89b-12d3-a456-426614174000"),
            new DateTime(2025, 1, 31, 9, 30, 0, DateTimeKind.Utc), new DateTimeOffset(2025, 1, 31, 9, 30, 0, TimeSpan.FromHours(1)), Unit.Fahrenheit, 3, Unit.Celsius, 1.5)
        : new(null, false, 0, 0, 0, 0m, double.NaN, float.NegativeInfinity, Guid.Empty,
            default, default, (Unit)42, null, null, double.PositiveInfinity);

    /// <summary>Echoes an enum with defaults.</summary>
    [Tool]
    public static string Defaults(Unit unit = Unit.Fahrenheit, int days = 3, string label = "none", double ratio = 0.5, bool flag = true, Priority priority = Priority.High)
        => $"{unit}|{days}|{label}|{ratio}|{flag}|{priority}";

    /// <summary>Echoes any JSON.</summary>
    [Tool]
    public static string Any(JsonElement value, JsonNode? node) => value.GetRawText() + "|" + (node?.ToJsonString() ?? "null");

    /// <summary>Places an order.</summary>
    [Tool]
    public static Order PlaceOrder(Order order) => order;

    /// <summary>Returns a priority (enum aliases are written by their first name).</summary>
    [Tool]
    public static Priority Escalate(Priority priority) => priority;

    /// <summary>Moves to a point.</summary>
    [Tool]
    public static Point Move(Point to) => to;

    /// <summary>Returns a tree as received.</summary>
    [Tool]
    public static TreeNode EchoTree(TreeNode root) => root;

    /// <summary>Counts the nodes of a tree.</summary>
    [Tool]
    public static int CountNodes(TreeNode root)
    {
        int count = 1;
        foreach (var child in root.Children)
        {
            count += CountNodes(child);
        }

        return count;
    }

    /// <summary>Validates with DataAnnotations.</summary>
    [Tool]
    public static string Annotated(
        [Range(1, 10)] int rating,
        [StringLength(5, MinimumLength = 2)] string code,
        [RegularExpression("[a-z]+")] string slug,
        [EmailAddress] string email,
        [Url] string site,
        [AllowedValues("red", "green")] string color,
        [MinLength(1), MaxLength(3)] string[] items,
        [Range(0.0, 1.0, MinimumIsExclusive = true)] double share = 0.5)
        => $"{rating}|{code}|{slug}|{email}|{site}|{color}|{items.Length}|{share}";

    /// <summary>The type-table rows not in collections/annotated: a read-only set and [Length] on a string and a list.</summary>
    [Tool]
    public static string SetsAndLengths(IReadOnlySet<string> roles, [Length(2, 4)] string initials, [Length(1, 2)] List<int> picks)
        => JsonSerializer.Serialize(new object[] { System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Order(roles, StringComparer.Ordinal)), initials, picks });

    /// <summary>A pattern a hostile input can make backtrack for a very long time.</summary>
    [Tool]
    public static string Backtracking([RegularExpression("(a+)+b")] string text) => text;

    /// <summary>Renamed parameter.</summary>
    [Tool("rename_me")]
    public static string Renamed([ToolParameter("query_text", Description = "What to search.")] string query) => query;

    /// <summary>Returns nothing.</summary>
    [Tool]
    public static void Nothing()
    {
    }

    /// <summary>Strict tool with an optional parameter.</summary>
    [Tool(Strict = true)]
    public static string StrictTool(string city, Unit unit = Unit.Celsius, Address? address = null) => $"{city}|{unit}|{address?.City ?? "none"}";

    /// <summary>Throws.</summary>
    [Tool]
    public static int Fails(string message) => throw new InvalidOperationException(message);
}

/// <summary>Instance tools with async signatures.</summary>
public sealed partial class WeatherTools
{
    private readonly string _source;

    public WeatherTools(string source) => _source = source;

    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city, e.g. "Paris".</param>
    /// <param name="unit">The temperature unit.</param>
    [Tool]
    public async Task<Weather> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new Weather(city + "@" + _source, unit == Unit.Celsius ? 20 : 68, unit);
    }

    [Tool(Description = "Gets the local time.", TimeoutMilliseconds = 500, MaxAttempts = 2)]
    public ValueTask<string> GetTimeAsync([Description("IANA zone.")] string zone) => new(zone + " 12:00");

    /// <summary>Refreshes the cache.</summary>
    [Tool]
    public Task RefreshAsync() => Task.CompletedTask;

    /// <summary>Pings.</summary>
    [Tool]
    public ValueTask PingAsync() => default;
}

/// <summary>A static tool class.</summary>
public static partial class MathTools
{
    /// <summary>Adds two numbers.</summary>
    [Tool]
    public static double Add(double a, double b) => a + b;
}

public partial class Outer
{
    /// <summary>Nested tools.</summary>
    public partial class NestedTools
    {
        /// <summary>Says hello.</summary>
        [Tool]
        public string Hello(string name) => "Hello " + name;
    }
}
