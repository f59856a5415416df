using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ToolGen.Benchmarks;

/// <summary>
/// Splits the compile-time cost of 1,000 tools in one process: compiling the user's code alone, running the
/// generator, compiling the generated code, and running ToolGen's analyzers (medians of several runs, warm JIT).
/// </summary>
public static class CompileReport
{
    public static string Run(int runs = 5)
    {
        var setup = new GeneratorBenchmarks();
        setup.Setup();
        Compilation baseline = setup.Compilation;
        var analyzers = typeof(Generators.ToolGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        double Median(Func<object> action)
        {
            action(); // warm-up
            var times = Enumerable.Range(0, runs).Select(_ =>
            {
                var clock = Stopwatch.StartNew();
                action();
                return clock.Elapsed.TotalMilliseconds;
            }).OrderBy(t => t).ToList();
            return times[times.Count / 2];
        }

        Compilation withGenerated = null!;
        double emitBaseline = Median(() => Emit(baseline.Clone()));
        // A fresh compilation per run, as in a build: the generator then also pays for binding the symbols it reads.
        double generate = Median(() => { setup.FullRunInto(baseline.Clone(), out withGenerated); return withGenerated; });
        double emitWithGenerated = Median(() => Emit(withGenerated.Clone()));
        double analyze = Median(() => baseline.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        return $"emit user code only: {emitBaseline:F0} ms; generator on a fresh compilation: {generate:F0} ms; emit with generated code: {emitWithGenerated:F0} ms; "
            + $"ToolGen analyzers: {analyze:F0} ms";
    }

    private static object Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return result;
    }
}
