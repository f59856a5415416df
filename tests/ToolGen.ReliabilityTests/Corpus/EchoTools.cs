using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.ReliabilityTests.Corpus;

/// <summary>
/// Tools that return exactly what they received, covering every row of the README's type table, so that a round trip
/// through the generated parser and result writer shows whether accepted values arrive as sent.
/// </summary>
public sealed partial class EchoTools
{
    [Tool]
    public static ScalarArgs Scalars(string s, bool b, byte u8, sbyte i8, short i16, ushort u16, int i32, uint u32, long i64, ulong u64, float f32, double f64, decimal dec, char c)
        => new(s, b, u8, i8, i16, u16, i32, u32, i64, u64, f32, f64, dec, c);

    [Tool]
    public static FormatArgs Formats(DateTime when, DateTimeOffset at, DateOnly day, TimeOnly time, TimeSpan span, Guid id, Uri link)
        => new(when, at, day, time, span, id, link);

    [Tool]
    public static NullableArgs Nullables(int? count, string? name, Unit? unit, DateTime? when, double? ratio, Guid? id, long? big)
        => new(count, name, unit, when, ratio, id, big);

    [Tool]
    public static CollectionArgs Collections(
        string[] tags,
        List<int> numbers,
        IReadOnlyList<double> values,
        IEnumerable<string> names,
        HashSet<string> unique,
        Dictionary<string, int> counts,
        IReadOnlyDictionary<string, string?> labels,
        ICollection<long> longs,
        IReadOnlyCollection<bool> flags,
        IList<Unit> units,
        ISet<int> ids,
        IDictionary<string, DateOnly> days,
        IReadOnlySet<string> roles)
        => new(tags, numbers, values, names, unique, counts, labels, longs, flags, units, ids, days, roles);

    [Tool]
    public static DefaultArgs Defaults(Unit unit = Unit.Fahrenheit, int days = 3, string label = "none", double ratio = 0.5, bool flag = true, Priority priority = Priority.High)
        => new(unit, days, label, ratio, flag, priority);

    [Tool]
    public static AnyArgs Any(JsonElement value, JsonNode? node) => new(value, node);

    [Tool]
    public static Order PlaceOrder(Order order) => order;

    [Tool]
    public static Point Move(Point to) => to;

    [Tool]
    public static TreeNode Tree(TreeNode root) => root;

    [Tool]
    public static AnnotatedArgs Annotated(
        [Range(1, 10)] int rating,
        [StringLength(5, MinimumLength = 2)] string code,
        [RegularExpression("[a-z]+")] string slug,
        [EmailAddress] string email,
        [Url] string site,
        [AllowedValues("red", "green")] string color,
        [MinLength(1), MaxLength(3)] string[] items,
        [Length(2, 4)] string initials,
        [Length(1, 2)] List<int> picks,
        [Range(0.0, 1.0, MinimumIsExclusive = true)] double share = 0.5)
        => new(rating, code, slug, email, site, color, items, initials, picks, share);

    [Tool(Strict = true)]
    public static StrictArgs StrictTool(string city, Unit unit = Unit.Celsius, Address? address = null) => new(city, unit, address);

    [Tool]
    public static void Nothing()
    {
    }
}
