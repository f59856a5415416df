using System.Threading.Tasks;
using ToolGen.CodeFixes;
using ToolGen.Generators.Tests.Analyzers;

namespace ToolGen.Generators.Tests.CodeFixes;

/// <summary>TG0020: a well-known service type without [FromServices] is reported, and the fix adds the marker.</summary>
public sealed class AddFromServicesCodeFixTests
{
    [Fact]
    public Task Marks_an_HttpClient_parameter_FromServices() => new CodeFixTest<AddFromServicesCodeFix>(BadTools.Usings + """
        public static partial class Tools
        {
            [Tool(Description = "Fetches a page.")]
            public static string Fetch([Description("The address.")] string url, System.Net.Http.HttpClient {|#0:http|}) => url;
        }
        """, BadTools.Usings + """
        public static partial class Tools
        {
            [Tool(Description = "Fetches a page.")]
            public static string Fetch([Description("The address.")] string url, [FromServices] System.Net.Http.HttpClient http) => url;
        }
        """)
    {
        ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0020").WithLocation(0).WithArguments("http", "fetch", "HttpClient") },
    }.RunAsync();

    [Fact]
    public Task Keeps_other_attributes_and_uses_the_full_name_without_a_ToolGen_import() => new CodeFixTest<AddFromServicesCodeFix>("""
        using System;
        using System.ComponentModel;

        public static partial class Tools
        {
            [ToolGen.Tool(Description = "Tells the time.")]
            public static string Now([Description("Unused.")] TimeProvider {|#0:clock|}) => "";
        }
        """, """
        using System;
        using System.ComponentModel;

        public static partial class Tools
        {
            [ToolGen.Tool(Description = "Tells the time.")]
            public static string Now([Description("Unused.")][ToolGen.FromServices] TimeProvider clock) => "";
        }
        """)
    {
        ExpectedDiagnostics = { AnalyzerTest.Diagnostic("TG0020").WithLocation(0).WithArguments("clock", "now", "TimeProvider") },
    }.RunAsync();

    [Fact]
    public Task Marked_service_parameters_are_not_reported() => AnalyzerTest.VerifyAsync(BadTools.Usings + """
        public static partial class Tools
        {
            [Tool(Description = "Fetches a page.")]
            public static string Fetch([Description("The address.")] string url, [FromServices] System.Net.Http.HttpClient http, IServiceProvider services) => url;
        }
        """);
}
