using System.Linq;
using Microsoft.CodeAnalysis;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// The README's diagnostics table against the analyzer's descriptors: every id has a row with the severity the
/// descriptor declares, and no row names an id that does not exist. (The analyzer tests then expect the README's
/// severity for each reported diagnostic.)
/// </summary>
public class DocumentedSeverityTests
{
    [Fact]
    public void Every_descriptor_has_its_severity_in_the_README()
    {
        // Every analyzer the package ships, so an id reported by an analyzer of its own is held to the table too.
        var descriptors = typeof(Generators.Analyzers.ToolAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)System.Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .ToArray();
        Assert.Contains(descriptors, d => d.Id == "TG0016"); // the separate DefaultValueAnalyzer is found
        Assert.All(descriptors, d => Assert.True(
            DocumentedSeverities.All.TryGetValue(d.Id, out DiagnosticSeverity documented) && documented == d.DefaultSeverity,
            $"{d.Id} is {d.DefaultSeverity}; the README's Diagnostics table says {(DocumentedSeverities.All.TryGetValue(d.Id, out DiagnosticSeverity s) ? s : "nothing")}"));
        Assert.Empty(DocumentedSeverities.All.Keys.Except(descriptors.Select(d => d.Id)));
    }

    [Fact]
    public void The_table_is_read()
    {
        // Pins the parser of the table itself against rows of each shape.
        Assert.Equal(DiagnosticSeverity.Warning, DocumentedSeverities.Of("TG0002"));
        Assert.Equal(DiagnosticSeverity.Info, DocumentedSeverities.Of("TG0011"));
        Assert.Equal(DiagnosticSeverity.Warning, DocumentedSeverities.Of("TG0012"));
        Assert.Equal(DiagnosticSeverity.Error, DocumentedSeverities.Of("TG0009"));
    }
}
