using System;
using System.Collections.Generic;
using System.Text;

namespace ToolGen;

/// <summary>
/// Writes the message for a call to an unknown tool, with the closest known name so that the model can correct itself
/// on the next turn. Shared by <see cref="ToolDispatcher"/> and generated tool sets.
/// </summary>
public static class ToolNameSuggester
{
    // A long tool list would crowd out the useful part of the message; the model already has the definitions.
    private const int MaxListedNames = 32;

    // Names are at most 64 (128 for MCP) characters: a longer request is garbage, not a typo, and an untrusted one
    // must not cost a quadratic distance computation or be echoed back in full.
    private const int MaxNameLength = 128;

    /// <summary>
    /// <c>Unknown function 'get_wether'. Did you mean 'get_weather'?</c> when a known name is close (edit distance,
    /// ignoring case, or one name containing the other); otherwise
    /// <c>Unknown function 'x'. Available functions: a, b.</c>
    /// </summary>
    public static string FunctionNotFoundMessage(string requested, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(known);
        List<string> names = [.. known];
        string? suggestion = requested.Length <= MaxNameLength ? Suggest(requested, names) : null;
        if (requested.Length > MaxNameLength)
        {
            requested = string.Concat(requested.AsSpan(0, MaxNameLength), "…");
        }

        if (suggestion is not null)
        {
            return $"Unknown function '{requested}'. Did you mean '{suggestion}'?";
        }

        if (names.Count == 0)
        {
            return $"Unknown function '{requested}'. No functions are available.";
        }

        var builder = new StringBuilder($"Unknown function '{requested}'. Available functions: ");
        int listed = Math.Min(names.Count, MaxListedNames);
        for (int i = 0; i < listed; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append(names[i]);
        }

        if (names.Count > listed)
        {
            builder.Append(", and ").Append(names.Count - listed).Append(" more");
        }

        return builder.Append('.').ToString();
    }

    /// <summary>The known name closest to <paramref name="requested"/>, or null when none is close enough.</summary>
    internal static string? Suggest(string requested, IReadOnlyList<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        // About one typo per three characters, at least two: "get_wether" finds "get_weather", "foo" finds nothing.
        int threshold = Math.Max(2, requested.Length / 3);
        foreach (string name in known)
        {
            int distance = Distance(requested, name);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = name;
            }
        }

        if (best is not null && bestDistance <= threshold)
        {
            return best;
        }

        // "weather" for "get_weather": a fragment of a real name is a strong hint even when the distance is large.
        if (requested.Length >= 4)
        {
            foreach (string name in known)
            {
                if (name.Contains(requested, StringComparison.OrdinalIgnoreCase)
                    || requested.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>Levenshtein distance, ignoring ASCII case, with two rolling rows.</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = char.ToLowerInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
