using System;

namespace ToolGen;

/// <summary>
/// Renames a tool parameter in the JSON arguments (parameters are otherwise named as written in C#), and optionally
/// describes it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ToolParameterAttribute : Attribute
{
    /// <summary>Describes a parameter without renaming it.</summary>
    public ToolParameterAttribute()
    {
    }

    /// <summary>Gives the parameter the JSON name <paramref name="name"/>.</summary>
    public ToolParameterAttribute(string name) => Name = name;

    /// <summary>The JSON property name of the argument; <see langword="null"/> keeps the C# name.</summary>
    public string? Name { get; }

    /// <summary>What the argument means, for the model (wins over <c>[Description]</c> and XML docs).</summary>
    public string? Description { get; set; }
}
