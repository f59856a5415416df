using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// The generator reports nothing and must never fail: on every bad input the analyzers flag, it skips the flawed tool
/// and produces code that adds no compile error of its own.
/// </summary>
public sealed class GeneratorOnBadInputTests
{
    [Theory]
    [MemberData(nameof(BadTools.Cases), MemberType = typeof(BadTools))]
    public void Generator_runs_cleanly_on_bad_input(BadTools.Case bad)
    {
        string source = StripMarkup(bad.Source);
        Assert.DoesNotContain("{|", source);
        var inputErrors = GeneratorRunner.Compile(source).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Key)
            .ToHashSet();

        var (output, result, diagnostics) = GeneratorRunner.Run(source);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        Assert.Empty(result.Diagnostics);
        var newErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !inputErrors.Contains(Key(d))).ToList();
        Assert.True(newErrors.Count == 0, GeneratorRunner.Describe(newErrors.ToImmutableArray()));
    }

    /// <summary>Removes the analyzer-test span markup <c>{|#0:…|}</c>, keeping the text inside.</summary>
    private static string StripMarkup(string source) => Regex.Replace(source, @"\{\|#\d+:(.*?)\|\}", "$1", RegexOptions.Singleline);

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.Location.GetLineSpan();
}
