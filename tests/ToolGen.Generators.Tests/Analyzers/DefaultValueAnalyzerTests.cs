using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ToolGen.Generators.Analyzers;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>Runs <see cref="DefaultValueAnalyzer"/> over one source file.</summary>
internal sealed class DefaultValueAnalyzerTest : CSharpAnalyzerTest<DefaultValueAnalyzer, DefaultVerifier>
{
    public DefaultValueAnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = OfflineTestSetup.NoPackage;
        OfflineTestSetup.Apply(TestState);
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
    }

    public static DiagnosticResult Diagnostic() => new("TG0016", DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        new DefaultValueAnalyzerTest(source, expected).RunAsync(CancellationToken.None);
}

/// <summary>Runs <see cref="DefaultValueAnalyzer"/> and <typeparamref name="TFix"/>.</summary>
internal sealed class DefaultValueCodeFixTest<TFix> : CSharpCodeFixTest<DefaultValueAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public DefaultValueCodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = OfflineTestSetup.NoPackage;
        OfflineTestSetup.Apply(TestState);
        OfflineTestSetup.Apply(FixedState);
        TestCode = source;
        FixedCode = fixedSource;
    }
}

/// <summary>TG0016: an optional value whose default (or initializer, or default(T)) its own DataAnnotations reject.</summary>
public sealed class DefaultValueAnalyzerTests
{
    private const string Usings = BadTools.Usings + "using System.ComponentModel.DataAnnotations;\n";

    private static string Message(string name, string value, string rule) =>
        $"'{name}' is optional and defaults to {value}, which breaks its own {rule}; the parser checks only values the model sends, so leaving it out passes the tool a value it would refuse. Make it required (the 'required' modifier, [Required] or no default) or give it a default that passes.";

    [Fact]
    public Task Reports_each_kind_of_default_on_the_member_or_parameter() => DefaultValueAnalyzerTest.VerifyAsync(Usings + """
        public sealed class Refund
        {
            [Range(0.01, 10_000)]
            public decimal {|#0:Amount|} { get; init; }

            [Range(1, 5)]
            public int {|#1:Stars|} { get; set; } = 7;

            [StringLength(10, MinimumLength = 2)]
            public string {|#2:Code|} { get; set; } = "x";

            [AllowedValues("a", "b")]
            public string? {|#3:Kind|} { get; set; }

            [EmailAddress]
            public string {|#4:Email|} { get; set; } = "nobody";

            [Range(1, 5)]
            public int Fine { get; set; } = 3;

            [RegularExpression("[a-z]+")]
            public string Empty { get; set; } = "";

            [Range(0.01, 10_000)]
            public required decimal Sent { get; init; }
        }

        public partial class Tools
        {
            [Tool(Description = "Refunds an order.")]
            public static void DoRefund([Description("The refund.")] Refund refund,
                [Description("A note for the customer; [Required] wins over the default."), Required] string note = " ",
                [Description("Days until the refund is paid."), Range(1, 30)] int {|#5:days|} = 0,
                [Description("Days until the customer is told."), Range(1, 30)] int otherDays = 30) { }

            [Tool(Description = "Refunds again: the shared type is reported once.")]
            public static void Again([Description("The refund.")] Refund refund) { }
        }
        """,
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(0).WithMessage(Message("Refund.Amount", "0", "[Range(0.01, 10000)]")),
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(1).WithMessage(Message("Refund.Stars", "7", "[Range(1, 5)]")),
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(2).WithMessage(Message("Refund.Code", "\"x\"", "a minimum length of 2")),
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(3).WithMessage(Message("Refund.Kind", "null", "[AllowedValues]")),
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(4).WithMessage(Message("Refund.Email", "\"nobody\"", "[EmailAddress]")),
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(5).WithMessage(Message("days", "0", "[Range(1, 30)]")));

    [Fact]
    public Task Record_positional_defaults_are_checked() => DefaultValueAnalyzerTest.VerifyAsync(Usings + """
        public sealed record Page([Range(1, 100)] int {|#0:Size|} = 0, [Range(1, 100)] int Number = 1);

        public partial class Tools
        {
            [Tool(Description = "Lists a page.")]
            public static void List([Description("The page.")] Page page) { }
        }
        """,
        DefaultValueAnalyzerTest.Diagnostic().WithLocation(0).WithMessage(Message("Size", "0", "[Range(1, 100)]")));
}
