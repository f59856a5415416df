using System.Threading.Tasks;
using ToolGen.CodeFixes;
using ToolGen.Generators.Tests.Analyzers;

namespace ToolGen.Generators.Tests.CodeFixes;

/// <summary>TG0016: the fix adds 'required' to a property, and is not offered for a parameter default.</summary>
public sealed class AddRequiredCodeFixTests
{
    private const string Usings = BadTools.Usings + "using System.ComponentModel.DataAnnotations;\n";

    private const string Tool = """

        public partial class Tools
        {
            [Tool(Description = "Refunds an order.")]
            public static void DoRefund([Description("The refund.")] Refund refund) { }
        }
        """;

    [Fact]
    public Task Adds_required_to_the_property() => new DefaultValueCodeFixTest<AddRequiredCodeFix>(Usings + """
        public sealed class Refund
        {
            [Range(0.01, 10_000)]
            public decimal {|#0:Amount|} { get; init; }

            [Range(1, 5)]
            public int {|#1:Stars|} { get; set; } = 7;
        }
        """ + Tool, Usings + """
        public sealed class Refund
        {
            [Range(0.01, 10_000)]
            public required decimal Amount { get; init; }

            [Range(1, 5)]
            public required int Stars { get; set; } = 7;
        }
        """ + Tool)
    {
        ExpectedDiagnostics =
        {
            DefaultValueAnalyzerTest.Diagnostic().WithLocation(0).WithArguments("Refund.Amount", "0", "[Range(0.01, 10000)]"),
            DefaultValueAnalyzerTest.Diagnostic().WithLocation(1).WithArguments("Refund.Stars", "7", "[Range(1, 5)]"),
        },
    }.RunAsync();

    [Fact]
    public Task Offers_nothing_for_a_parameter_default() => new DefaultValueCodeFixTest<AddRequiredCodeFix>(Usings + """
        public partial class Tools
        {
            [Tool(Description = "Lists days.")]
            public static void List([Description("Days until the refund is paid."), Range(1, 30)] int {|#0:days|} = 0) { }
        }
        """, Usings + """
        public partial class Tools
        {
            [Tool(Description = "Lists days.")]
            public static void List([Description("Days until the refund is paid."), Range(1, 30)] int {|#0:days|} = 0) { }
        }
        """)
    {
        ExpectedDiagnostics = { DefaultValueAnalyzerTest.Diagnostic().WithLocation(0).WithArguments("days", "0", "[Range(1, 30)]") },
        FixedState = { ExpectedDiagnostics = { DefaultValueAnalyzerTest.Diagnostic().WithLocation(0).WithArguments("days", "0", "[Range(1, 30)]") } },
    }.RunAsync();
}
