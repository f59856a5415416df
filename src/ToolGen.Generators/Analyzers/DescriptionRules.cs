using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// What makes a description useless to a model: missing (TG0001/TG0002), a placeholder (TG0012) or too long
/// (TG0011). Works on the texts the parser resolved, so every description source counts the same.
/// </summary>
internal static class DescriptionRules
{
    public const int MaxLength = 1024;

    // Compared after normalization: lower case, letters and digits only.
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "todo", "tbd", "tba", "fixme", "xxx", "description", "placeholder", "summary",
    };

    private static readonly string[] PlaceholderPrefixes = { "todo:", "tbd:", "fixme:" };

    public static bool IsMissing(string? description) => string.IsNullOrWhiteSpace(description);

    public static bool IsTooLong(string description) => description.Trim().Length > MaxLength;

    /// <summary>
    /// True for "TODO", "TBD", "description" and the like, "TODO: …", or a text that only repeats one of
    /// <paramref name="ownNames"/> (the method, tool or parameter name) in other casing or punctuation.
    /// </summary>
    public static bool IsPlaceholder(string description, params string[] ownNames)
    {
        string trimmed = description.Trim();
        if (PlaceholderPrefixes.Any(p => trimmed.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        string normalized = Normalize(trimmed);
        return normalized.Length > 0
            && (Placeholders.Contains(normalized) || ownNames.Any(name => Normalize(name) == normalized));
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
