using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Parsing;

/// <summary>Writes a C# constant (a default value or an attribute argument) as C# source and as JSON text.</summary>
internal static class ConstantFormatter
{
    /// <summary>The C# expression for a parameter's default value.</summary>
    public static string CSharp(object? value, ITypeSymbol type)
    {
        var underlying = UnderlyingOfNullable(type) ?? type;
        if (value is null)
        {
            return type.IsValueType && UnderlyingOfNullable(type) is null ? "default" : "null";
        }

        if (underlying.TypeKind == Microsoft.CodeAnalysis.TypeKind.Enum)
        {
            string enumType = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string? member = EnumMemberName(underlying, value);
            return member is not null ? enumType + "." + member : "(" + enumType + ")(" + Literal(value) + ")";
        }

        return Literal(value);
    }

    /// <summary>The JSON text of a default value, or null when JSON has no faithful spelling of it.</summary>
    public static string? Json(object? value, ITypeSymbol type)
    {
        var underlying = UnderlyingOfNullable(type) ?? type;
        if (value is null)
        {
            return type.IsValueType && UnderlyingOfNullable(type) is null ? null : "null";
        }

        if (underlying.TypeKind == Microsoft.CodeAnalysis.TypeKind.Enum)
        {
            // The schema spells members by their JSON names, so the default must too.
            var field = EnumMember(underlying, value);
            return field is null ? null : JsonString(TypeParser.EnumMemberJsonName(field));
        }

        return value switch
        {
            string s => JsonString(s),
            char c => JsonString(c.ToString()),
            bool b => b ? "true" : "false",
            double d => double.IsNaN(d) || double.IsInfinity(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
            float f => float.IsNaN(f) || float.IsInfinity(f) ? null : f.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    public static string JsonString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static ITypeSymbol? UnderlyingOfNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } named
            ? named.TypeArguments[0]
            : null;

    private static string? EnumMemberName(ITypeSymbol enumType, object value) => EnumMember(enumType, value)?.Name;

    private static IFieldSymbol? EnumMember(ITypeSymbol enumType, object value) =>
        enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));

    private static string Literal(object value) => value switch
    {
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        _ => SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false) + Suffix(value),
    };

    private static string Suffix(object value) => value switch
    {
        uint => "U",
        long => "L",
        ulong => "UL",
        _ => string.Empty,
    };
}
