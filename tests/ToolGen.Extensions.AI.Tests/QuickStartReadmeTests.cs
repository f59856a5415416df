using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>
/// The README's "Three lines" section against samples/ToolGen.QuickStart, which checks its own output (.ci/run runs
/// it and fails on a non-zero exit): the README's schema block, its result.Content, its call and two of its error
/// messages must be the texts the sample expects and makes, character for character.
/// </summary>
public class QuickStartReadmeTests
{
    private static readonly string RepoRoot = typeof(QuickStartReadmeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    private static string Readme => File.ReadAllText(Path.Combine(RepoRoot, "README.md")).ReplaceLineEndings("\n");

    private static string Program => File.ReadAllText(Path.Combine(RepoRoot, "samples", "ToolGen.QuickStart", "Program.cs")).ReplaceLineEndings("\n");

    [Fact]
    public void The_schema_block_is_what_the_sample_expects()
    {
        string block = "```json\n" + Expected("InputSchema") + "\n```\n";
        Assert.True(Readme.Contains(block, StringComparison.Ordinal), $"README.md lacks the schema the QuickStart checks:\n{block}");
    }

    [Fact]
    public void The_result_content_is_what_the_sample_expects()
    {
        string line = "// result.Content: " + Expected("result.Content") + "\n";
        Assert.True(Readme.Contains(line, StringComparison.Ordinal), $"README.md lacks the content the QuickStart checks:\n{line}");
    }

    [Theory]
    [InlineData("IToolSet tools = new WeatherTools();")]
    [InlineData("ToolResult result = await tools.InvokeAsync(new ToolCall(\"call_1\", \"get_weather\", \"\"\"{\"city\":\"Paris\"}\"\"\"), ct);")]
    public void The_call_is_the_samples(string line)
    {
        Assert.Contains("\n" + line + "\n", Readme, StringComparison.Ordinal);
        Assert.Contains("\n" + line + "\n", Program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown argument")]
    [InlineData("unknown function")]
    public void The_error_messages_are_the_samples(string what)
    {
        Assert.Contains("\n" + Expected(what) + "\n", Readme, StringComparison.Ordinal);
    }

    /// <summary>The expected text of <c>Expect("what", actual, expected)</c> in the sample (a raw or plain literal).</summary>
    private static string Expected(string what)
    {
        Match m = Regex.Match(Program, "Expect\\(\"" + Regex.Escape(what) + "\",[^\\n]*\\n\\s*(\"\"\"(?<raw>.*?)\"\"\"|\"(?<plain>[^\"\\\\]*)\")\\);");
        Assert.True(m.Success, $"samples/ToolGen.QuickStart/Program.cs has no Expect(\"{what}\", …)");
        return m.Groups["raw"].Success ? m.Groups["raw"].Value : m.Groups["plain"].Value;
    }
}
