using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>
/// The README's "Use with…" snippets are the compiled (and, in the provider tests, executed) code of Snippets/*.cs:
/// each region between <c>// README:start name</c> and <c>// README:end</c>, without its method indentation and after
/// the file's non-System using directives, must appear verbatim in README.md inside a csharp fence.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string RepoRoot = typeof(ReadmeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static TheoryData<string> SnippetNames() => [.. Snippets().Keys];

    [Fact]
    public void Every_integration_has_a_snippet()
    {
        Assert.Equal(["Anthropic SDK", "Approval", "MCP", "Microsoft.Extensions.AI", "OpenAI SDK", "raw HTTP"], Snippets().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public void The_readme_contains_the_snippet_verbatim(string name)
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md")).ReplaceLineEndings("\n");
        string fenced = $"```csharp\n{Snippets()[name]}```\n";

        Assert.True(readme.Contains(fenced, StringComparison.Ordinal), $"README.md lacks the '{name}' snippet; paste this block:\n{fenced}");
    }

    private static Dictionary<string, string> Snippets()
    {
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        string folder = Path.Combine(RepoRoot, "tests", "ToolGen.Extensions.AI.Tests", "Snippets");
        foreach (string file in Directory.GetFiles(folder, "*.cs"))
        {
            string[] lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
            // A snippet opens with the namespaces it needs beyond System.*, so a reader knows what to import.
            string imports = string.Concat(lines
                .Where(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using System", StringComparison.Ordinal))
                .Select(l => l + "\n"));
            for (int i = 0; i < lines.Length; i++)
            {
                string start = lines[i].Trim();
                if (!start.StartsWith("// README:start ", StringComparison.Ordinal))
                {
                    continue;
                }

                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "// README:end");
                Assert.True(end > i, $"{file}: '{start}' has no // README:end");
                string[] body = lines[(i + 1)..end];
                int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
                snippets.Add(start["// README:start ".Length..], imports + "\n" + string.Concat(body.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n")));
                i = end;
            }
        }

        return snippets;
    }
}
