using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// Analyzer and code-fix tests that never download: a reference-assembly set with no NuGet package (so nothing is
/// resolved) plus the .NET 8 reference assemblies from Basic.Reference.Assemblies and ToolGen.dll itself.
/// </summary>
internal static class OfflineTestSetup
{
    public static readonly ReferenceAssemblies NoPackage = new("net8.0");

    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Net80.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location));
    }
}

/// <summary>Runs <see cref="Generators.Analyzers.ToolAnalyzer"/> over one source file.</summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<Generators.Analyzers.ToolAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = OfflineTestSetup.NoPackage;
        OfflineTestSetup.Apply(TestState);
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        new AnalyzerTest(source, expected).RunAsync(CancellationToken.None);

    /// <summary>
    /// A diagnostic with the severity the README's table documents, not the descriptor's own: the test then checks
    /// the analyzer against the documentation instead of against itself.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DocumentedSeverities.Of(id));
}

/// <summary>Runs the analyzer and <typeparamref name="TFix"/>, including the fix-all checks of the testing library.</summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<Generators.Analyzers.ToolAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = OfflineTestSetup.NoPackage;
        OfflineTestSetup.Apply(TestState);
        OfflineTestSetup.Apply(FixedState);
        TestCode = source;
        FixedCode = fixedSource;
    }
}
