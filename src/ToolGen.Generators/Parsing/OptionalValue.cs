using Microsoft.CodeAnalysis;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Parsing;

/// <summary>
/// An optional parameter or member and the value it takes when the model leaves it out: the C# default or
/// initializer constant, or <c>default(T)</c> (<see cref="Value"/> null for a value type) when there is none. The
/// parser checks DataAnnotations only on values the model sends, so TG0016 checks these at compile time. Never
/// stored in the incremental model.
/// </summary>
internal sealed class OptionalValue
{
    public OptionalValue(ISymbol symbol, object? value, bool isExplicit, ITypeSymbol type, ConstraintSpec constraints)
    {
        Symbol = symbol;
        Value = value;
        IsExplicit = isExplicit;
        Type = type;
        Constraints = constraints;
    }

    /// <summary>The parameter or property.</summary>
    public ISymbol Symbol { get; }

    public object? Value { get; }

    /// <summary>Whether the value is written in the source (a default or an initializer), not the type's default.</summary>
    public bool IsExplicit { get; }

    public ITypeSymbol Type { get; }

    public ConstraintSpec Constraints { get; }
}
