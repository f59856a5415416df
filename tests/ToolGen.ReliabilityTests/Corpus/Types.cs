using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ToolGen.ReliabilityTests.Corpus;

// The argument and result types of the echo corpus. Each echo tool returns a record whose camelCase members have the
// names of its parameters, so the result JSON can be compared with the arguments member by member.
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
}

public sealed record ScalarArgs(string S, bool B, byte U8, sbyte I8, short I16, ushort U16, int I32, uint U32, long I64, ulong U64, float F32, double F64, decimal Dec, char C);

public sealed record FormatArgs(DateTime When, DateTimeOffset At, DateOnly Day, TimeOnly Time, TimeSpan Span, Guid Id, Uri Link);

public sealed record NullableArgs(int? Count, string? Name, Unit? Unit, DateTime? When, double? Ratio, Guid? Id, long? Big);

public sealed record CollectionArgs(
    string[] Tags,
    List<int> Numbers,
    IReadOnlyList<double> Values,
    IEnumerable<string> Names,
    HashSet<string> Unique,
    Dictionary<string, int> Counts,
    IReadOnlyDictionary<string, string?> Labels,
    ICollection<long> Longs,
    IReadOnlyCollection<bool> Flags,
    IList<Unit> Units,
    ISet<int> Ids,
    IDictionary<string, DateOnly> Days,
    IReadOnlySet<string> Roles);

public sealed record DefaultArgs(Unit Unit, int Days, string Label, double Ratio, bool Flag, Priority Priority);

public sealed record AnyArgs(JsonElement Value, JsonNode? Node);

public sealed record OrderLine(string Sku, [Range(1, 100)] int Quantity = 1);

public sealed record Order(string Customer, List<OrderLine> Lines, Address? ShipTo = null)
{
    public string? Note { get; set; }

    public Priority Priority { get; init; }

    public required DateOnly Due { get; init; }
}

public sealed class Address
{
    [JsonPropertyName("street_line")]
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

public sealed class TreeNode
{
    public string Name { get; set; } = "";

    public List<TreeNode> Children { get; set; } = new();
}

public sealed record AnnotatedArgs(int Rating, string Code, string Slug, string Email, string Site, string Color, string[] Items, string Initials, List<int> Picks, double Share);

public sealed record StrictArgs(string City, Unit Unit, Address? Address);
