using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// Every badly declared tool of the analyzer tests, with the diagnostics it must produce. Shared with
/// <see cref="GeneratorOnBadInputTests"/>, which checks the generator survives each of them.
/// Apart from the flaw under test every tool is well described, so exactly the expected ids fire.
/// </summary>
public static class BadTools
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using ToolGen;

        """;

    public sealed record Case(string Name, string Source, DiagnosticResult[] Expected)
    {
        public override string ToString() => Name;
    }

    private static DiagnosticResult D(string id) => AnalyzerTest.Diagnostic(id).WithLocation(0);

    // 51 uses of a 100-property record: 5,100 properties once the schema inlines them.
    private static readonly string WideRecord = "public sealed record Wide(" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"int P{i}")) + ");";
    private static readonly string ManyWide = "public sealed record Many(" + string.Join(", ", Enumerable.Range(0, 51).Select(i => $"Wide W{i}")) + ");";

    private static readonly string LongText = string.Concat(Enumerable.Repeat("Looks up the weather. ", 50)).Trim();

    public static readonly IReadOnlyList<Case> All = new[]
    {
        new Case("TG0001 no description", Usings + """
            public partial class Tools
            {
                [Tool]
                public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
            }
            """, new[] { D("TG0001").WithArguments("get_weather") }),

        new Case("TG0001 whitespace description", Usings + """
            public partial class Tools
            {
                /// <summary>Ignored: the attribute's description wins.</summary>
                [Tool(Description = "   ")]
                public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
            }
            """, new[] { D("TG0001").WithArguments("get_weather") }),

        new Case("TG0002 no parameter description", Usings + """
            public partial class Tools
            {
                /// <summary>Gets the weather of a city.</summary>
                [Tool]
                public static string GetWeather(string {|#0:city|}, CancellationToken cancellationToken) => city;
            }
            """, new[] { D("TG0002").WithArguments("city", "get_weather") }),

        new Case("TG0003 object parameter", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Stores a value.")]
                public static void Store([Description("The value.")] object {|#0:value|}) { }
            }
            """, new[] { D("TG0003").WithArguments("store", "'object' at 'value': it has no fixed JSON shape") }),

        new Case("TG0003 nested path", Usings + """
            public sealed record Person(string Name);
            public sealed record Item(string Sku, object Owner);
            public sealed record Order(List<Item> Items);

            public partial class Tools
            {
                [Tool(Description = "Places an order.")]
                public static void PlaceOrder([Description("The order.")] Order {|#0:order|}) { }
            }
            """, new[] { D("TG0003").WithArguments("place_order", "'object' at 'order.Items[].Owner': it has no fixed JSON shape") }),

        new Case("TG0003 no usable constructor", Usings + """
            public sealed class Secret
            {
                private Secret() { }
                public string Value { get; set; } = "";
            }

            public partial class Tools
            {
                [Tool(Description = "Keeps a secret.")]
                public static void Keep([Description("The secret.")] Secret {|#0:secret|}) { }
            }
            """, new[] { D("TG0003").WithArguments("keep", "'Secret' at 'secret': it has no public constructor the parser can use (add a parameterless or [JsonConstructor] one)") }),

        new Case("TG0004 unsupported return type", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Returns anything.")]
                public static Task<object> {|#0:Anything|}() => Task.FromResult(new object());
            }
            """, new[] { D("TG0004").WithArguments("anything", "object", "'object' at 'return': it has no fixed JSON shape") }),

        new Case("TG0005 invalid explicit name", Usings + """
            public partial class Tools
            {
                [Tool({|#0:"get weather!"|}, Description = "Gets the weather.")]
                public static string GetWeather([Description("The city.")] string city) => city;
            }
            """, new[] { D("TG0005").WithArguments("get weather!", "get_weather_") }),

        new Case("TG0005 invalid default name", Usings + """
            public partial class Tools
            {
                [{|#0:Tool(Description = "Greets in German.")|}]
                public static string Grüßen([Description("Who to greet.")] string name) => name;
            }
            """, new[] { D("TG0005").WithArguments("grüßen", "gr__en") }),

        new Case("TG0006 duplicate parameter JSON name", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Searches.")]
                public static string Search(
                    [ToolParameter("q", Description = "The query.")] string query,
                    [ToolParameter("q", Description = "Another query.")] string {|#0:other|}) => query + other;
            }
            """, new[] { D("TG0006").WithArguments("The parameter JSON name", "q", "another parameter of this tool", "[ToolParameter(\"other_name\")]") }),

        new Case("TG0006 duplicate tool name", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Searches the web.")]
                public static string Search([Description("The query.")] string query) => query;

                [Tool("search", Description = "Searches the files.")]
                public static string {|#0:FindFiles|}([Description("The query.")] string query) => query;
            }
            """, new[] { D("TG0006").WithArguments("The tool name", "search", "the tool method 'Search' of this type", "[Tool(\"other_name\")]") }),

        new Case("TG0007 not partial", Usings + """
            public class {|#0:Tools|}
            {
                [Tool(Description = "Pings.")]
                public static string Ping() => "pong";
            }
            """, new[] { D("TG0007").WithArguments("Tools") }),

        new Case("TG0007 enclosing type not partial", Usings + """
            public class {|#0:Outer|}
            {
                public partial class Inner
                {
                    [Tool(Description = "Pings.")]
                    public static string Ping() => "pong";
                }
            }
            """, new[] { D("TG0007").WithArguments("Outer") }),

        new Case("TG0008 generic method", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Echoes.")]
                public static string {|#0:Echo|}<T>([Description("The text.")] string text) => text;
            }
            """, new[] { D("TG0008").WithArguments("Echo", "it is a generic method") }),

        new Case("TG0008 generic class", Usings + """
            public partial class Box<T>
            {
                [Tool(Description = "Echoes.")]
                public static string {|#0:Echo|}([Description("The text.")] string text) => text;
            }
            """, new[] { D("TG0008").WithArguments("Echo", "it is declared in the generic type 'Box<T>'") }),

        new Case("TG0009 ref parameter", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Increments.")]
                public static void Increment([Description("The counter.")] ref int {|#0:counter|}) => counter++;
            }
            """, new[] { D("TG0009").WithArguments("counter", "ref") }),

        new Case("TG0009 params parameter", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Sums.")]
                public static int Sum([Description("The numbers.")] params int[] {|#0:numbers|}) => numbers.Length;
            }
            """, new[] { D("TG0009").WithArguments("numbers", "params") }),

        new Case("TG0010 strict with open object", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Tags a document.", {|#0:Strict = true|})]
                public static void Tag([Description("Tags by name.")] Dictionary<string, string> tags, [Description("Extra data.")] JsonElement extra) { }
            }
            """, new[] { D("TG0010").WithArguments("tag", "'tags' is a dictionary, an open object (strict mode needs additionalProperties: false on every object); 'extra' accepts any JSON value, which strict mode cannot express") }),

        new Case("TG0010 strict with recursion and uri", Usings + """
            public sealed class Node
            {
                public string Name { get; set; } = "";
                public List<Node> Children { get; set; } = new();
            }

            public partial class Tools
            {
                [Tool(Description = "Counts nodes.", {|#0:Strict = true|})]
                public static int Count([Description("The tree.")] Node root, [Description("Where it came from.")] Uri source) => 0;
            }
            """, new[] { D("TG0010").WithArguments("count", "'Node' is recursive at 'root.children[]' (Anthropic strict mode rejects recursive schemas); 'source' has format \"uri\", which OpenAI strict mode does not support (the strict schema drops it)") }),

        new Case("TG0010 strict with too deep nesting", Usings + """
            public sealed record L10(string Leaf);
            public sealed record L9(L10 Next);
            public sealed record L8(L9 Next);
            public sealed record L7(L8 Next);
            public sealed record L6(L7 Next);
            public sealed record L5(L6 Next);
            public sealed record L4(L5 Next);
            public sealed record L3(L4 Next);
            public sealed record L2(L3 Next);
            public sealed record L1(L2 Next);

            public partial class Tools
            {
                [Tool(Description = "Walks a deep structure.", {|#0:Strict = true|})]
                public static void Walk([Description("The outermost level.")] L1 first) { }
            }
            """, new[] { D("TG0010").WithArguments("walk", "objects nest more than 10 levels deep at 'first.next.next.next.next.next.next.next.next.next'") }),

        new Case("TG0010 strict with too many properties", Usings + WideRecord + "\n" + ManyWide + "\n" + """
            public partial class Tools
            {
                [Tool(Description = "Takes a lot.", {|#0:Strict = true|})]
                public static void Take([Description("Everything at once.")] Many many) { }
            }
            """, new[] { D("TG0010").WithArguments("take", "its schema has more than 5000 object properties") }),

        new Case("TG0011 long description", Usings + $$"""
            public partial class Tools
            {
                [Tool(Description = "{{LongText}}")]
                public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
            }
            """, new[] { D("TG0011").WithArguments("tool 'get_weather'", LongText.Length) }),

        new Case("TG0012 placeholder tool description", Usings + """
            public partial class Tools
            {
                [Tool(Description = "TODO")]
                public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
            }
            """, new[] { D("TG0012").WithArguments("tool 'get_weather'", "TODO") }),

        new Case("TG0012 description repeats the parameter name", Usings + """
            public partial class Tools
            {
                /// <summary>Gets the weather of a city.</summary>
                /// <param name="cityName">City name.</param>
                [Tool]
                public static string GetWeather(string {|#0:cityName|}) => cityName;
            }
            """, new[] { D("TG0012").WithArguments("parameter 'cityName' of tool 'get_weather'", "City name.") }),

        new Case("TG0013 ToolParameter on a CancellationToken", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Waits.")]
                public static Task WaitAsync([{|#0:ToolParameter(Description = "Stops waiting.")|}] CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """, new[] { D("TG0013").WithArguments("cancellationToken") }),

        new Case("TG0014 tool in an interface", Usings + """
            public partial interface ITools
            {
                [Tool(Description = "Pings.")]
                string {|#0:Ping|}();
            }
            """, new[] { D("TG0014").WithArguments("Ping", "interface", "ITools") }),

        new Case("TG0015 read-only and destructive", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Reads the calendar.", ReadOnly = true, {|#0:Destructive = true|}, OpenWorld = false)]
                public static string Read([Description("The day.")] string day) => day;
            }
            """, new[] { D("TG0015").WithArguments("read", "Destructive = true") }),

        new Case("TG0015 read-only and not idempotent", Usings + """
            public partial class Tools
            {
                [Tool(Description = "Reads the calendar.", {|#0:Idempotent = false|}, ReadOnly = true, Destructive = false)]
                public static string Read([Description("The day.")] string day) => day;
            }
            """, new[] { D("TG0015").WithArguments("read", "Idempotent = false") }),
    };

    public static IEnumerable<object[]> Cases() => All.Select(c => new object[] { c });
}
