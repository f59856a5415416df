using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Parsing;

/// <summary>Reads the attributes ToolGen understands: descriptions, JSON names and DataAnnotations constraints.</summary>
internal static class AttributeReader
{
    private const string DataAnnotations = "System.ComponentModel.DataAnnotations.";

    public static AttributeData? Find(ISymbol symbol, string fullName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == fullName);

    /// <summary>The text of <c>[System.ComponentModel.Description("…")]</c>, if any.</summary>
    public static string? Description(ISymbol symbol) =>
        Find(symbol, "System.ComponentModel.DescriptionAttribute") is { } a && a.ConstructorArguments.Length == 1
            ? a.ConstructorArguments[0].Value as string
            : null;

    /// <summary>The name from <c>[JsonPropertyName("…")]</c>, if any.</summary>
    public static string? JsonPropertyName(ISymbol symbol) =>
        Find(symbol, "System.Text.Json.Serialization.JsonPropertyNameAttribute") is { } a && a.ConstructorArguments.Length == 1
            ? a.ConstructorArguments[0].Value as string
            : null;

    public static bool HasJsonIgnore(ISymbol symbol) =>
        Find(symbol, "System.Text.Json.Serialization.JsonIgnoreAttribute") is not null;

    public static T? Named<T>(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value is T value ? value : default;

    /// <summary>A named argument's value, or <paramref name="fallback"/> when the attribute does not set it.</summary>
    public static bool NamedOr(AttributeData attribute, string name, bool fallback)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is bool value)
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary>DataAnnotations on any of <paramref name="symbols"/> (a member and its constructor parameter).</summary>
    public static ConstraintSpec Constraints(params ISymbol?[] symbols)
    {
        string? minimum = null, maximum = null, pattern = null;
        bool minExclusive = false, maxExclusive = false, email = false, url = false, required = false, allowEmpty = false;
        int? minLength = null, maxLength = null;
        var allowed = new List<string>();
        foreach (var symbol in symbols)
        {
            if (symbol is null)
            {
                continue;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (name is null || !name.StartsWith(DataAnnotations, System.StringComparison.Ordinal))
                {
                    continue;
                }

                var args = attribute.ConstructorArguments;
                switch (name.Substring(DataAnnotations.Length))
                {
                    case "RangeAttribute" when args.Length == 2 && args[0].Value is not null && args[0].Type?.SpecialType != SpecialType.System_String:
                        minimum = Number(args[0].Value);
                        maximum = Number(args[1].Value);
                        minExclusive = Named<bool>(attribute, "MinimumIsExclusive");
                        maxExclusive = Named<bool>(attribute, "MaximumIsExclusive");
                        break;
                    case "StringLengthAttribute" when args.Length == 1 && args[0].Value is int max:
                        maxLength = max;
                        int minimumLength = Named<int>(attribute, "MinimumLength");
                        if (minimumLength > 0)
                        {
                            minLength = minimumLength;
                        }

                        break;
                    case "MinLengthAttribute" when args.Length == 1 && args[0].Value is int min:
                        minLength = min;
                        break;
                    case "MaxLengthAttribute" when args.Length == 1 && args[0].Value is int max:
                        maxLength = max;
                        break;
                    case "LengthAttribute" when args.Length == 2 && args[0].Value is int min && args[1].Value is int max:
                        minLength = min;
                        maxLength = max;
                        break;
                    case "RegularExpressionAttribute" when args.Length == 1 && args[0].Value is string regex:
                        pattern = regex;
                        break;
                    case "RequiredAttribute":
                        required = true;
                        allowEmpty = Named<bool>(attribute, "AllowEmptyStrings");
                        break;
                    case "EmailAddressAttribute":
                        email = true;
                        break;
                    case "UrlAttribute":
                        url = true;
                        break;
                    case "AllowedValuesAttribute" when args.Length == 1 && args[0].Kind == TypedConstantKind.Array:
                        foreach (var value in args[0].Values)
                        {
                            string? json = value.Value is string s ? ConstantFormatter.JsonString(s) : Number(value.Value);
                            if (json is not null)
                            {
                                allowed.Add(json);
                            }
                        }

                        break;
                }
            }
        }

        var spec = new ConstraintSpec(minimum, maximum, minExclusive, maxExclusive, minLength, maxLength, pattern, email, url, allowed.ToEquatableArray(), required, allowEmpty);
        return spec.IsEmpty ? ConstraintSpec.None : spec;
    }

    private static string? Number(object? value) => value switch
    {
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        System.IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
