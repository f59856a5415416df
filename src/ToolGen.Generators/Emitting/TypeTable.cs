using System.Collections.Generic;
using System.Linq;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Emitting;

/// <summary>The type specs of a tool set by id, with the readable member names the emitters give each type.</summary>
internal sealed class TypeTable
{
    private readonly Dictionary<string, TypeSpec> _types = new();
    private readonly Dictionary<string, string> _names = new();
    private readonly HashSet<string> _usedNames = new();

    public TypeTable(IEnumerable<TypeSpec> types)
    {
        foreach (var type in types.OrderBy(t => t.Id, System.StringComparer.Ordinal))
        {
            if (!_types.ContainsKey(type.Id))
            {
                _types[type.Id] = type;
            }
        }
    }

    public TypeSpec this[string id] => _types[id];

    public IEnumerable<TypeSpec> All => _types.Values;

    /// <summary>A valid, unique identifier fragment for a type: <c>List&lt;string?&gt;</c> → <c>List_string_</c>.</summary>
    public string NameOf(string id)
    {
        if (_names.TryGetValue(id, out var name))
        {
            return name;
        }

        var chars = new System.Text.StringBuilder();
        string shortName = System.Text.RegularExpressions.Regex.Replace(id.Replace("global::", string.Empty), @"\b(\w+\.)+", string.Empty).Replace("[]", "Array");
        foreach (char c in shortName)
        {
            chars.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        string candidate = chars.ToString().TrimEnd('_');
        string unique = candidate;
        for (int i = 2; !_usedNames.Add(unique); i++)
        {
            unique = candidate + i;
        }

        _names[id] = unique;
        return unique;
    }

    /// <summary>The C# spelling of a type use (<c>int?</c>, <c>string?</c>).</summary>
    public string CSharpName(TypeRef type) => type.IsNullable ? this[type.TypeId].FullName + "?" : this[type.TypeId].FullName;
}
