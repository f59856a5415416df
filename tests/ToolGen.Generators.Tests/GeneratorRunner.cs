using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Tests;

/// <summary>Compiles source with the ToolGen generator in memory, as a consumer's build would.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.None);

    public static CSharpCompilation Compile(string source, NullableContextOptions nullable = NullableContextOptions.Enable, CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path: "Tools.cs") },
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));

    public static GeneratorDriver Driver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new ToolGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the output compilation, the generated sources and all diagnostics.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics) Run(string source, NullableContextOptions nullable = NullableContextOptions.Enable)
    {
        var compilation = Compile(source, nullable);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var diagnostics = generatorDiagnostics.AddRange(output.GetDiagnostics());
        return (output, driver.GetRunResult(), diagnostics);
    }

    /// <summary>Errors and warnings, formatted for assertion messages.</summary>
    public static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
}
