using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Tests;

/// <summary>Keystrokes must not cost generator work: unrelated and body edits leave every step cached.</summary>
public class IncrementalTests
{
    private const string Source = """
        using ToolGen;

        namespace Demo;

        public sealed record Weather(string City, double Temperature);

        public sealed partial class WeatherTools
        {
            /// <summary>Gets the weather.</summary>
            [Tool]
            public Weather GetWeather(string city)
            {
                return new Weather(city, 20);
            }
        }
        """;

    private static readonly string[] TrackedSteps = { TrackingNames.ToolMethods, TrackingNames.ValidToolMethods, TrackingNames.ToolSets };

    [Fact]
    public void Unrelated_file_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorRunner.Compile(Source);
        var driver = GeneratorRunner.Driver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public class Other { public int X => 1; }", GeneratorRunner.ParseOptions, path: "Other.cs"));
        var result = driver.RunGenerators(edited).GetRunResult();
        AssertAllCached(result);
    }

    [Fact]
    public void Method_body_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorRunner.Compile(Source);
        var driver = GeneratorRunner.Driver().RunGenerators(compilation);
        var result = driver.RunGenerators(Replace(compilation, "return new Weather(city, 20);", "return new Weather(city.Trim(), 21);")).GetRunResult();
        AssertAllCached(result);
    }

    [Fact]
    public void Signature_edit_regenerates()
    {
        var compilation = GeneratorRunner.Compile(Source);
        var driver = GeneratorRunner.Driver().RunGenerators(compilation);
        var result = driver.RunGenerators(Replace(compilation, "GetWeather(string city)", "GetWeather(string city, int days = 1)")).GetRunResult();
        var outputs = result.Results[0].TrackedSteps[TrackingNames.ToolSets].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, outputs);
        Assert.Contains("days", result.GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void Description_edit_regenerates()
    {
        var compilation = GeneratorRunner.Compile(Source);
        var driver = GeneratorRunner.Driver().RunGenerators(compilation);
        var result = driver.RunGenerators(Replace(compilation, "Gets the weather.", "Gets today's weather.")).GetRunResult();
        Assert.Contains("Gets today's weather.", result.GeneratedTrees.Single().ToString());
    }

    private static Compilation Replace(Compilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(oldText, newText))));
    }

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        var steps = result.Results[0].TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} was {output.Reason}");
            }
        }

        foreach (var output in result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step was {output.Reason}");
        }
    }
}
