using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace ToolGen.ReliabilityTests.Corpus;

/// <summary>
/// The .NET type behind a top-level argument of an echo tool, read from the corpus by reflection. The schema cannot
/// tell a float from a double or a byte from an int with the same bounds, and the README's rules (float range and
/// precision, <c>-0</c> for unsigned integers) depend on that type.
/// </summary>
internal static class ClrTypes
{
    /// <summary>The parameter's type (nullable unwrapped), or null for a nested member or an unknown name.</summary>
    public static Type? Of(string tool, string parameter)
    {
        MethodInfo? method = typeof(EchoTools).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .SingleOrDefault(m => m.GetCustomAttribute<ToolAttribute>() is not null && SnakeCase(m.Name) == tool);
        Type? type = method?.GetParameters().SingleOrDefault(p => p.Name == parameter)?.ParameterType;
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The item type of an array or generic collection type (a dictionary's value type), else null.</summary>
    public static Type? ElementOf(Type? collection) =>
        collection is null ? null
        : collection.IsArray ? collection.GetElementType()
        : collection.IsGenericType ? collection.GetGenericArguments()[^1]
        : null;

    public static bool IsUnsigned(Type? type) => type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    /// <summary>The README's tool-name rule, for the corpus's method names (none of which ends in Async or uses [Tool("name")]).</summary>
    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
