using System.IO;
using System.Text;

namespace ToolGen.Benchmarks;

/// <summary>
/// Source of a large consumer project: <c>classes</c> tool classes of <c>toolsPerClass</c> tools each, with mixed
/// signatures (scalars, enums, optional parameters, records, lists, async returns), for the compile-time benchmarks.
/// </summary>
public static class LargeProject
{
    public const int Classes = 50;
    public const int ToolsPerClass = 20;

    private const string Usings = "using System; using System.Collections.Generic; using System.Threading; using System.Threading.Tasks; using ToolGen;";

    /// <summary>The shared types (one file).</summary>
    public static string Types() => Usings + """

        namespace Large;
        public enum Mode { Fast, Careful, Exhaustive }
        public sealed record Item(string Sku, int Quantity, decimal Price, string? Note = null);
        public sealed record Query(string Text, Mode Mode, List<string> Tags, DateOnly? Since = null);
        """;

    /// <summary>One file per tool class, as a real project would be laid out.</summary>
    public static string[] ClassFiles(int classes = Classes, int toolsPerClass = ToolsPerClass)
    {
        var files = new string[classes];
        for (int c = 0; c < classes; c++)
        {
            var source = new StringBuilder();
            source.AppendLine(Usings);
            source.AppendLine("namespace Large;");
            source.AppendLine($"public sealed partial class Tools{c}");
            source.AppendLine("{");
            for (int t = 0; t < toolsPerClass; t++)
            {
                source.AppendLine($"    /// <summary>Tool {t} of class {c}.</summary>");
                source.AppendLine("    /// <param name=\"a\">First.</param>");
                source.AppendLine("    /// <param name=\"b\">Second.</param>");
                source.AppendLine((t % 5) switch
                {
                    0 => $"    [Tool] public string Get{t}(string a, int b = 3) => a + b;",
                    1 => $"    [Tool] public Task<int> Count{t}Async(Query a, CancellationToken b) => Task.FromResult(a.Tags.Count);",
                    2 => $"    [Tool] public decimal Total{t}(List<Item> a, Mode b = Mode.Fast) => a.Count;",
                    3 => $"    [Tool] public ValueTask<Item> Find{t}Async(Guid a, DateTimeOffset? b) => new(new Item(a.ToString(), 1, 2m));",
                    _ => $"    [Tool] public void Set{t}(Dictionary<string, double> a, bool b) {{ }}",
                });
            }

            source.AppendLine("}");
            files[c] = source.ToString();
        }

        return files;
    }

    /// <summary>
    /// The same 1,000 signatures as argument records for System.Text.Json's source generator (the reference point for
    /// a generator's compile-time cost): one file per class of 20 records, with or without a
    /// <c>JsonSerializerContext</c> naming them.
    /// </summary>
    public static string[] RecordFiles(bool withContexts, int classes = Classes, int toolsPerClass = ToolsPerClass)
    {
        var files = new string[classes];
        for (int c = 0; c < classes; c++)
        {
            var source = new StringBuilder();
            source.AppendLine(Usings + " using System.Text.Json.Serialization;");
            source.AppendLine("namespace Large;");
            for (int t = 0; t < toolsPerClass; t++)
            {
                source.AppendLine((t % 5) switch
                {
                    0 => $"public sealed record Args{c}_{t}(string A, int B = 3);",
                    1 => $"public sealed record Args{c}_{t}(Query A);",
                    2 => $"public sealed record Args{c}_{t}(List<Item> A, Mode B = Mode.Fast);",
                    3 => $"public sealed record Args{c}_{t}(Guid A, DateTimeOffset? B);",
                    _ => $"public sealed record Args{c}_{t}(Dictionary<string, double> A, bool B);",
                });
            }

            if (withContexts)
            {
                for (int t = 0; t < toolsPerClass; t++)
                {
                    source.AppendLine($"[JsonSerializable(typeof(Args{c}_{t}))]");
                }

                source.AppendLine($"public sealed partial class Arguments{c} : JsonSerializerContext {{ }}");
            }
            files[c] = source.ToString();
        }

        return files;
    }

    /// <summary>
    /// Writes a buildable project for timing whole builds. <paramref name="variant"/>: <c>without</c> (the tool classes,
    /// no generator), <c>with</c> (the tool classes and ToolGen's generator), <c>records</c> (the tool classes and the
    /// argument records) or <c>stj</c> (<c>records</c> plus a System.Text.Json context per class).
    /// </summary>
    public static void Write(string directory, string repoRoot, string variant)
    {
        Directory.CreateDirectory(directory);
        string generator = variant == "with"
            ? $"""<ProjectReference Include="{repoRoot}/src/ToolGen.Generators/ToolGen.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />"""
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "Large.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repoRoot}/src/ToolGen/ToolGen.csproj" />
                {generator}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Types.cs"), Types());
        string[] files = ClassFiles();
        for (int i = 0; i < files.Length; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Tools{i}.cs"), files[i]);
        }

        if (variant is "records" or "stj")
        {
            string[] records = RecordFiles(withContexts: variant == "stj");
            for (int i = 0; i < records.Length; i++)
            {
                File.WriteAllText(Path.Combine(directory, $"Arguments{i}.cs"), records[i]);
            }
        }
    }
}
