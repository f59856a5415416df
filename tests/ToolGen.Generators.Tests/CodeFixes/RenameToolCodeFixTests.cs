using System.Threading.Tasks;
using ToolGen.CodeFixes;
using ToolGen.Generators.Tests.Analyzers;

namespace ToolGen.Generators.Tests.CodeFixes;

/// <summary>TG0005: invalid characters become '_', the name is cut to 64, and an explicit name is written.</summary>
public sealed class RenameToolCodeFixTests
{
    [Fact]
    public Task Replaces_an_invalid_explicit_name() => new CodeFixTest<RenameToolCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            [Tool({|#0:"get weather!"|}, Description = "Gets the weather.")]
            public static string GetWeather([Description("The city.")] string city) => city;
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            [Tool("get_weather_", Description = "Gets the weather.")]
            public static string GetWeather([Description("The city.")] string city) => city;
        }
        """)
    {
        ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0005").WithLocation(0).WithArguments("get weather!", "get_weather_") },
    }.RunAsync();

    [Fact]
    public Task Adds_a_name_where_the_default_one_is_invalid_and_fixes_all() => new CodeFixTest<RenameToolCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            [{|#0:Tool(Description = "Greets in German.")|}]
            public static string Grüßen([Description("Who to greet.")] string name) => name;

            [{|#1:Tool|}, Description("Says goodbye in German.")]
            public static string Tschüss([Description("Who to say goodbye to.")] string name) => name;

            [Tool({|#2:"a.very.long.name.that.goes.on.and.on.well.past.the.limit.of.sixty.four.characters"|})]
            [Description("Has a long name.")]
            public static void Long() { }
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            [Tool("gr__en", Description = "Greets in German.")]
            public static string Grüßen([Description("Who to greet.")] string name) => name;

            [Tool("tsch_ss"), Description("Says goodbye in German.")]
            public static string Tschüss([Description("Who to say goodbye to.")] string name) => name;

            [Tool("a_very_long_name_that_goes_on_and_on_well_past_the_limit_of_sixt")]
            [Description("Has a long name.")]
            public static void Long() { }
        }
        """)
    {
        ExpectedDiagnostics =
        {
            AnalyzerTest.Diagnostic("TG0005").WithLocation(0).WithArguments("grüßen", "gr__en"),
            AnalyzerTest.Diagnostic("TG0005").WithLocation(1).WithArguments("tschüss", "tsch_ss"),
            AnalyzerTest.Diagnostic("TG0005").WithLocation(2).WithArguments("a.very.long.name.that.goes.on.and.on.well.past.the.limit.of.sixty.four.characters", "a_very_long_name_that_goes_on_and_on_well_past_the_limit_of_sixt"),
        },
    }.RunAsync();
}
