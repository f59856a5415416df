using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// The README's "dotnet build samples/ToolGen.FlawedTools" block and docs/flawed-tools-build-output.txt against the
/// analyzer run over the sample's own source: the documented warnings are the ones the sample produces, line, column
/// and message (the README shows the first of each id, the docs file all of them, as the build prints them).
/// </summary>
public class FlawedToolsOutputTests
{
    private const string Sample = "samples/ToolGen.FlawedTools";

    private static string RepoRoot => Path.GetDirectoryName(DocumentedSeverities.ReadmePath)!;

    [Fact]
    public async Task The_README_block_is_the_samples_first_warning_of_each_id()
    {
        string[] lines = await WarningsAsync();
        string[] firstOfEach = lines.GroupBy(l => l.Split(": warning ")[1].Split(':')[0]).Select(g => g.First()).ToArray();
        string readme = File.ReadAllText(DocumentedSeverities.ReadmePath).ReplaceLineEndings("\n");
        string block = "```\n" + string.Concat(firstOfEach.Select(l => l + "\n")) + "```\n";
        Assert.True(readme.Contains(block, StringComparison.Ordinal), $"README.md's flawed-tools block differs from the sample's warnings; it should read:\n{block}");
    }

    [Fact]
    public async Task The_docs_file_is_every_warning_as_the_build_prints_it()
    {
        var descriptors = new Generators.Analyzers.ToolAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        string[] expected = (await WarningsAsync())
            .Select(l => $"{Sample}/{l} ({descriptors[l.Split(": warning ")[1].Split(':')[0]].HelpLinkUri}) [{Sample}/ToolGen.FlawedTools.csproj]")
            .ToArray();
        string[] documented = File.ReadAllLines(Path.Combine(RepoRoot, "docs", "flawed-tools-build-output.txt")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(expected, documented);
    }

    /// <summary>The sample's TG warnings, formatted as the compiler prints them, in source order.</summary>
    private static async Task<string[]> WarningsAsync()
    {
        string directory = Path.Combine(RepoRoot, Sample);
        var trees = Directory.GetFiles(directory, "*.cs")
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), GeneratorRunner.ParseOptions, path: Path.GetFileName(f)))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            "ToolGen.FlawedTools",
            trees,
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorRunner.Driver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        ImmutableArray<Diagnostic> diagnostics = await output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Generators.Analyzers.ToolAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                string severity = d.Severity.ToString().ToLowerInvariant();
                return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .ToArray();
    }
}
