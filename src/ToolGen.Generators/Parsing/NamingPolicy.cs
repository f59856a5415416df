using System.Text;

namespace ToolGen.Generators.Parsing;

/// <summary>The name conversions ToolGen applies: snake_case tool names and camelCase member names.</summary>
internal static class NamingPolicy
{
    /// <summary><c>GetWeatherAsync</c> → <c>get_weather</c>; acronyms stay together (<c>GetHTMLPage</c> → <c>get_html_page</c>).</summary>
    public static string ToolName(string methodName)
    {
        string name = methodName.Length > "Async".Length && methodName.EndsWith("Async", System.StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - "Async".Length)
            : methodName;
        return SnakeCase(name);
    }

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((previousIsLowerOrDigit || acronymEnds) && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>System.Text.Json's camelCase policy: leading upper-case run lowered (<c>URLValue</c> → <c>urlValue</c>).</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// The nearest valid tool name (<c>^[a-zA-Z0-9_-]{1,64}$</c>) to <paramref name="name"/>: every other character
    /// becomes '_', the result is cut to 64 characters; an empty name becomes <c>tool</c>. Offered by the TG0005 fix.
    /// </summary>
    public static string ValidToolName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            bool valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            builder.Append(valid ? c : '_');
            if (builder.Length == 64)
            {
                break;
            }
        }

        return builder.Length == 0 ? "tool" : builder.ToString();
    }
}
