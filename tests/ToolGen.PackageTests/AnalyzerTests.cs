using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ToolGen.PackageTests;

/// <summary>The analyzers and code fixes reach a consumer's compiler from the package alone.</summary>
public class AnalyzerTests
{
    [Fact]
    public void Compiler_was_given_the_packaged_generator_and_code_fixes()
    {
        string[] analyzers = File.ReadAllLines(PackageInfo.AnalyzerList);
        string expectedFolder = $"/toolgen/{PackageInfo.Version}/analyzers/dotnet/cs/".ToLowerInvariant();
        Assert.Contains(analyzers, a => a.Replace('\\', '/').ToLowerInvariant().EndsWith(expectedFolder + "toolgen.generators.dll", StringComparison.Ordinal));
        Assert.Contains(analyzers, a => a.Replace('\\', '/').ToLowerInvariant().EndsWith(expectedFolder + "toolgen.codefixes.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_reports_TG0001_for_the_undocumented_tool()
    {
        // The compiler's SARIF log (ErrorLog in the project file) holds every diagnostic of this project's build.
        using var log = JsonDocument.Parse(File.ReadAllText(PackageInfo.CompilerDiagnosticsLog));
        var tg = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("TG", StringComparison.Ordinal))
            .ToList();

        var result = Assert.Single(tg);
        Assert.Equal("TG0001", result.GetProperty("ruleId").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("UndocumentedTools.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(10, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Contains("'echo'", result.GetProperty("message").GetProperty("text").GetString());
    }
}
