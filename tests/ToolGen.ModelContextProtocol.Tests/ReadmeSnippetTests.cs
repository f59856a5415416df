using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>The README's MCP server snippet is the compiled code of Snippets/McpServerSnippet.cs, to the character.</summary>
public class ReadmeSnippetTests
{
    [Fact]
    public void Readme_has_the_compiled_mcp_server_snippet()
    {
        string root = typeof(ReadmeSnippetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        string[] lines = File.ReadAllLines(Path.Combine(root, "tests", "ToolGen.ModelContextProtocol.Tests", "Snippets", "McpServerSnippet.cs"));
        int start = Array.FindIndex(lines, l => l.Trim() == "// README:start MCP server");
        int end = Array.FindIndex(lines, start + 1, l => l.Trim() == "// README:end");
        Assert.True(start >= 0 && end > start);
        var body = lines[(start + 1)..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        string fenced = "```csharp\n" + string.Concat(body.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n")) + "```\n";
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        Assert.True(readme.Contains(fenced, StringComparison.Ordinal), $"README.md lacks the MCP server snippet; paste this block:\n{fenced}");
    }
}
