using System.Linq;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ToolGen.Generators;

namespace ToolGen.Benchmarks;

/// <summary>
/// The generator's own cost on 1,000 tools in 50 classes: a full run (a build), and the re-run after an edit inside
/// one method body (a keystroke in the IDE), which must find every step cached.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = LargeProject.ClassFiles().Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Tools{i}.cs"))
            .Prepend(CSharpSyntaxTree.ParseText(LargeProject.Types(), ParseOptions, path: "Types.cs"))
            .ToArray();
        var tree = trees[1];
        _compilation = CSharpCompilation.Create(
            "Large",
            trees,
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        string text = tree.GetText().ToString();
        string edited = text.Replace("=> a + b;", "=> b + a;"); // bodies of one file's methods, a keystroke
        _edited = _compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(edited)));
        _warmDriver = NewDriver().RunGenerators(_compilation);
    }

    /// <summary>The 1,000-tool compilation, without generated code.</summary>
    public Compilation Compilation => _compilation;

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    /// <summary>A full run that also returns the compilation with the generated code added.</summary>
    public GeneratorDriver FullRunInto(Compilation compilation, out Compilation output) =>
        NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out output, out _);

    [Benchmark]
    public GeneratorDriver RerunAfterBodyEdit() => _warmDriver.RunGenerators(_edited);

    /// <summary>Generated files and the time the driver reports for a full run (used by build/bench.sh).</summary>
    public static string Report()
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        var full = benchmarks.FullRun();
        var timing = full.GetTimingInfo();
        var result = full.GetRunResult();
        _ = benchmarks.RerunAfterBodyEdit(); // the first re-run also JIT-compiles Roslyn's incremental paths
        var rerun = benchmarks.RerunAfterBodyEdit();
        var steps = rerun.GetRunResult().Results[0].TrackedSteps
            .Select(s => s.Key + "=" + string.Join("/", s.Value.SelectMany(r => r.Outputs).Select(o => o.Reason).Distinct()));
        return $"full run: {timing.ElapsedTime.TotalMilliseconds:F1} ms, {result.GeneratedTrees.Length} files, {result.Results[0].GeneratedSources.Sum(s => s.SourceText.Length) / 1024} KiB; "
            + $"re-run after body edit: {rerun.GetTimingInfo().ElapsedTime.TotalMilliseconds:F2} ms, step reasons: {string.Join(",", steps)}";
    }

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        new[] { new ToolGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
