using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ToolGen.Generators.Tests.Analyzers;

/// <summary>
/// The severities of the README's "Diagnostics" table (rows like <c>| TG0011 / TG0012 | Info / Warning | … |</c>; one
/// severity for several ids applies to all of them), read from README.md at the repository root.
/// </summary>
internal static class DocumentedSeverities
{
    private static readonly Lazy<Dictionary<string, DiagnosticSeverity>> s_table = new(Read);

    public static string ReadmePath => Path.Combine(
        typeof(DocumentedSeverities).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "README.md");

    public static IReadOnlyDictionary<string, DiagnosticSeverity> All => s_table.Value;

    public static DiagnosticSeverity Of(string id) =>
        s_table.Value.TryGetValue(id, out DiagnosticSeverity severity)
            ? severity
            : throw new ArgumentException($"{id} has no row in the Diagnostics table of README.md: add '| {id} | <Error/Warning/Info> | when |' to it");

    private static Dictionary<string, DiagnosticSeverity> Read()
    {
        var table = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(ReadmePath))
        {
            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith("TG", StringComparison.Ordinal))
            {
                continue;
            }

            string[] ids = cells[1].Split('/', StringSplitOptions.TrimEntries);
            string[] severities = cells[2].Split('/', StringSplitOptions.TrimEntries);
            if (severities.Length != 1 && severities.Length != ids.Length)
            {
                throw new FormatException($"README.md: row '{line}' has {ids.Length} ids but {severities.Length} severities");
            }

            for (int i = 0; i < ids.Length; i++)
            {
                table.Add(ids[i], Enum.Parse<DiagnosticSeverity>(severities.Length == 1 ? severities[0] : severities[i]));
            }
        }

        return table;
    }
}
