using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ToolGen.CodeFixes;
using ToolGen.Generators.Tests.Analyzers;

namespace ToolGen.Generators.Tests.CodeFixes;

/// <summary>
/// TG0001 / TG0002: the fix adds empty elements for the user to fill in, so the warning stays until they do (an empty
/// element is still no description) but no second fix is offered.
/// </summary>
public sealed class AddDocCommentCodeFixTests
{
    [Fact]
    public Task Adds_a_summary_above_the_attributes() => new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            [Tool]
            public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            /// <summary></summary>
            [Tool]
            public static string {|#0:GetWeather|}([Description("The city.")] string city) => city;
        }
        """)
    {
        TestState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("get_weather") } },
        FixedState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("get_weather") } },
    }.RunAsync();

    [Fact]
    public Task Adds_the_summary_first_in_an_existing_comment() => new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            /// <param name="city">The city.</param>
            [Tool]
            public static string {|#0:GetWeather|}(string city) => city;
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            /// <summary></summary>
            /// <param name="city">The city.</param>
            [Tool]
            public static string {|#0:GetWeather|}(string city) => city;
        }
        """)
    {
        TestState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("get_weather") } },
        FixedState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("get_weather") } },
    }.RunAsync();

    [Fact]
    public Task Adds_params_in_declaration_order_around_existing_ones_including_fix_all() => new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            /// <summary>Finds flights.</summary>
            /// <param name="to">The destination airport code.</param>
            [Tool]
            public static string FindFlights(string {|#0:from|}, string to, DateOnly {|#1:day|}, CancellationToken cancellationToken) => from;
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            /// <summary>Finds flights.</summary>
            /// <param name="from"></param>
            /// <param name="to">The destination airport code.</param>
            /// <param name="day"></param>
            [Tool]
            public static string FindFlights(string {|#0:from|}, string to, DateOnly {|#1:day|}, CancellationToken cancellationToken) => from;
        }
        """)
    {
        TestState =
        {
            ExpectedDiagnostics =
            {
                AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("from", "find_flights"),
                AnalyzerTest.Diagnostic("TG0002").WithLocation(1).WithArguments("day", "find_flights"),
            },
        },
        FixedState =
        {
            ExpectedDiagnostics =
            {
                AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("from", "find_flights"),
                AnalyzerTest.Diagnostic("TG0002").WithLocation(1).WithArguments("day", "find_flights"),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Creates_a_comment_when_the_tool_is_described_by_an_attribute() => new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
        namespace App
        {
            public partial class Tools
            {
                [Tool(Description = "Adds two numbers.")]
                public static int Add(int {|#0:a|}, int {|#1:b|}) => a + b;
            }
        }
        """, BadTools.Usings + """
        namespace App
        {
            public partial class Tools
            {
                /// <param name="a"></param>
                /// <param name="b"></param>
                [Tool(Description = "Adds two numbers.")]
                public static int Add(int {|#0:a|}, int {|#1:b|}) => a + b;
            }
        }
        """)
    {
        TestState =
        {
            ExpectedDiagnostics =
            {
                AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("a", "add"),
                AnalyzerTest.Diagnostic("TG0002").WithLocation(1).WithArguments("b", "add"),
            },
        },
        FixedState =
        {
            ExpectedDiagnostics =
            {
                AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("a", "add"),
                AnalyzerTest.Diagnostic("TG0002").WithLocation(1).WithArguments("b", "add"),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Offers_no_fix_when_an_empty_description_attribute_exists() => new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
        public partial class Tools
        {
            [Tool(Description = " ")]
            public static string {|#0:Ping|}() => "pong";
        }
        """, BadTools.Usings + """
        public partial class Tools
        {
            [Tool(Description = " ")]
            public static string {|#0:Ping|}() => "pong";
        }
        """)
    {
        TestState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("ping") } },
        FixedState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0001").WithLocation(0).WithArguments("ping") } },
    }.RunAsync();

    [Fact]
    public Task Merges_with_doc_comments_the_compiler_did_not_parse()
    {
        var test = new CodeFixTest<AddDocCommentCodeFix>(BadTools.Usings + """
            public partial class Tools
            {
                /// <summary>Adds two numbers.</summary>
                /// <param name="b">The second number.</param>
                [Tool]
                public static int Add(int {|#0:a|}, int b) => a + b;
            }
            """, BadTools.Usings + """
            public partial class Tools
            {
                /// <summary>Adds two numbers.</summary>
                /// <param name="a"></param>
                /// <param name="b">The second number.</param>
                [Tool]
                public static int Add(int {|#0:a|}, int b) => a + b;
            }
            """)
        {
            TestState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("a", "add") } },
            FixedState = { ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0002").WithLocation(0).WithArguments("a", "add") } },
        };

        // A project without a documentation file: /// comments are plain comments to the compiler.
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithDocumentationMode(DocumentationMode.None)));
        return test.RunAsync();
    }
}
