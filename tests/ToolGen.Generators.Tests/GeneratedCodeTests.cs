using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Tests;

/// <summary>What every consumer gets: warning-free code in any nullable context, descriptions without doc files.</summary>
public class GeneratedCodeTests
{
    private const string Tools = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Threading.Tasks;
        using ToolGen;

        namespace Demo;

        public enum Unit { Celsius, Fahrenheit }
        public record Address(string Street, string? City = null);
        public class Node { public string Name { get; set; } = ""; public List<Node> Children { get; set; } = new(); }

        public partial class AllTools
        {
            /// <summary>Summary from XML docs.</summary>
            /// <param name="city">City from XML docs.</param>
            [Tool]
            public string Weather(string city, Unit? unit = null, int[]? days = null) => city;

            [Tool(Strict = true)]
            public Task<Address> Move([Range(0, 10)] int floor, Address to, Dictionary<string, int?>? extra = null) => Task.FromResult(to);

            [Tool]
            public static Node Tree(Node root, DateTimeOffset at, TimeSpan? span, Guid id, Uri? link, char c = 'x', decimal d = 1.5m, float f = 2.5f) => root;
        }
        """;

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Warnings)]
    [InlineData(NullableContextOptions.Annotations)]
    public void Generated_code_compiles_without_warnings_in_every_nullable_context(NullableContextOptions nullable)
    {
        // Without annotations, reference types are written without '?' (oblivious), as such a project would.
        string source = nullable is NullableContextOptions.Disable or NullableContextOptions.Warnings
            ? Tools.Replace("string? City", "string City").Replace("int[]? days", "int[] days")
                .Replace("int?>? extra", "int?> extra").Replace("Uri? link", "Uri link")
            : Tools;
        var (output, result, diagnostics) = GeneratorRunner.Run(source, nullable);
        var generatedTrees = result.GeneratedTrees;
        Assert.Single(generatedTrees);
        var problems = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Xml_docs_are_read_when_the_compiler_does_not_parse_them()
    {
        // DocumentationMode.None is what a project without GenerateDocumentationFile gets.
        var (_, result, _) = GeneratorRunner.Run(Tools);
        string generated = result.GeneratedTrees.Single().ToString();
        Assert.Contains("\"Summary from XML docs.\"", generated);
        Assert.Contains("City from XML docs.", generated);
    }

    [Fact]
    public void Xml_docs_are_read_when_the_compiler_parses_them()
    {
        var parseOptions = GeneratorRunner.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorRunner.Compile(Tools, parseOptions: parseOptions);
        var driver = GeneratorRunner.Driver(parseOptions).RunGenerators(compilation);
        string generated = driver.GetRunResult().GeneratedTrees.Single().ToString();
        Assert.Contains("\"Summary from XML docs.\"", generated);
        Assert.Contains("City from XML docs.", generated);
    }

    [Fact]
    public void Methods_outside_the_type_table_are_skipped_without_generator_errors()
    {
        const string source = """
            using ToolGen;
            public partial class Bad
            {
                [Tool] public string Fine(string s) => s;
                [Tool] public string UsesObject(object o) => "";
                [Tool] public string UsesDelegate(System.Func<int> f) => "";
                [Tool] public System.IO.Stream ReturnsStream() => null!;
                [Tool] public void Generic<T>(T value) { }
                [Tool] public void RefParam(ref int x) { }
                [Tool("bad name!")] public void BadName() { }
            }
            public class NotPartial { [Tool] public void Tool() { } }
            """;
        var (output, result, diagnostics) = GeneratorRunner.Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Results[0].Exception);
        string generated = result.GeneratedTrees.Single().ToString();
        Assert.Contains("\"fine\"", generated);
        Assert.DoesNotContain("uses_object", generated);
        Assert.DoesNotContain("bad name!", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Schemas_use_invariant_culture_numbers()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var (_, result, _) = GeneratorRunner.Run(Tools);
            string generated = result.GeneratedTrees.Single().ToString();
            Assert.Contains("\\\"default\\\":1.5", generated);
            Assert.Contains("\\\"default\\\":2.5", generated);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
