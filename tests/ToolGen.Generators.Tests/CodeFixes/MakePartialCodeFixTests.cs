using System.Threading.Tasks;
using ToolGen.CodeFixes;
using ToolGen.Generators.Tests.Analyzers;

namespace ToolGen.Generators.Tests.CodeFixes;

/// <summary>TG0007: the fix adds 'partial' after the other modifiers, or in the keyword's place when there are none.</summary>
public sealed class MakePartialCodeFixTests
{
    [Fact]
    public Task Makes_the_class_partial() => new CodeFixTest<MakePartialCodeFix>(BadTools.Usings + """
        public sealed class {|#0:Tools|}
        {
            [Tool(Description = "Pings.")]
            public static string Ping() => "pong";
        }
        """, BadTools.Usings + """
        public sealed partial class Tools
        {
            [Tool(Description = "Pings.")]
            public static string Ping() => "pong";
        }
        """)
    {
        ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0007").WithLocation(0).WithArguments("Tools") },
    }.RunAsync();

    [Fact]
    public Task Makes_nested_and_enclosing_types_partial_including_fix_all() => new CodeFixTest<MakePartialCodeFix>(BadTools.Usings + """
        public static class {|#0:Outer|}
        {
            [Serializable]
            class {|#1:Inner|}
            {
                [Tool(Description = "Pings.")]
                public static string Ping() => "pong";
            }

            public record {|#2:Other|}
            {
                [Tool(Description = "Pongs.")]
                public static string Pong() => "ping";
            }
        }
        """, BadTools.Usings + """
        public static partial class Outer
        {
            [Serializable]
            partial class Inner
            {
                [Tool(Description = "Pings.")]
                public static string Ping() => "pong";
            }

            public partial record Other
            {
                [Tool(Description = "Pongs.")]
                public static string Pong() => "ping";
            }
        }
        """)
    {
        ExpectedDiagnostics =
        {
            AnalyzerTest.Diagnostic("TG0007").WithLocation(0).WithArguments("Outer"),
            AnalyzerTest.Diagnostic("TG0007").WithLocation(1).WithArguments("Inner"),
            AnalyzerTest.Diagnostic("TG0007").WithLocation(2).WithArguments("Other"),
        },
    }.RunAsync();
}
