using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using ToolGen.Generators.Model;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// TG0016: the value an optional parameter or member takes when the model leaves it out must pass its own
/// DataAnnotations. The parser checks only values the model sends, so a default its [Range] rejects would reach the
/// tool unchecked (a refund of 0). Each rule follows the attribute's own IsValid: null passes every attribute but
/// [Required] and [AllowedValues], the empty string passes [RegularExpression].
/// </summary>
internal static class DefaultValueRules
{
    /// <summary>What the value breaks ("[Range(0.01, 10000)]"), or null when it passes every constraint.</summary>
    public static string? Violation(OptionalValue optional)
    {
        var c = optional.Constraints;
        if (c.IsEmpty)
        {
            return null;
        }

        var type = ConstantFormatter.UnderlyingOfNullable(optional.Type) ?? optional.Type;
        object? value = optional.Value ?? DefaultOf(optional.Type);
        if (value is null)
        {
            if (c.IsRequired)
            {
                return "[Required]";
            }

            return c.AllowedValuesJson.Count > 0 && !c.AllowedValuesJson.Contains("null") ? "[AllowedValues]" : null;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return null;
        }

        if (value is string s)
        {
            return StringViolation(s, c);
        }

        if (IsNumber(value) && ToDouble(value) is double number)
        {
            if (c.Minimum is not null && double.TryParse(c.Minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out double min)
                && (c.MinimumIsExclusive ? number <= min : number < min))
            {
                return Range(c);
            }

            if (c.Maximum is not null && double.TryParse(c.Maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out double max)
                && (c.MaximumIsExclusive ? number >= max : number > max))
            {
                return Range(c);
            }

            if (c.AllowedValuesJson.Count > 0 && !c.AllowedValuesJson.Any(j =>
                    double.TryParse(j, NumberStyles.Float, CultureInfo.InvariantCulture, out double allowed) && allowed == number))
            {
                return "[AllowedValues]";
            }
        }

        return null;
    }

    private static string? StringViolation(string s, ConstraintSpec c)
    {
        if (c.RejectsBlank && string.IsNullOrWhiteSpace(s))
        {
            return "[Required]";
        }

        if (c.MinLength is int min && s.Length < min)
        {
            return $"a minimum length of {min}";
        }

        if (c.MaxLength is int max && s.Length > max)
        {
            return $"a maximum length of {max}";
        }

        if (c.Pattern is not null && s.Length > 0 && !Matches(c.Pattern, s))
        {
            return "[RegularExpression]";
        }

        if (c.IsEmail && !IsEmail(s))
        {
            return "[EmailAddress]";
        }

        if (c.IsUrl && !IsUrl(s))
        {
            return "[Url]";
        }

        if (c.AllowedValuesJson.Count > 0 && !c.AllowedValuesJson.Contains(ConstantFormatter.JsonString(s)))
        {
            return "[AllowedValues]";
        }

        return null;
    }

    /// <summary>The C# spelling of the value in the message ("0", "\"\"", "null").</summary>
    public static string Display(OptionalValue optional)
    {
        object? value = optional.Value ?? DefaultOf(optional.Type);
        return value switch
        {
            null => "null",
            string s => ConstantFormatter.JsonString(s),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
    }

    private static string Range(ConstraintSpec c) => $"[Range({c.Minimum}, {c.Maximum})]";

    private static object? DefaultOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => false,
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double => 0,
        SpecialType.System_Decimal => 0m,
        _ => null,
    };

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static double? ToDouble(object value)
    {
        try
        {
            return Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            return null;
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return true; // An invalid pattern is the compiler's (or the runtime's) to report, not this rule's.
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    // The same rules as ToolGen.Serialization.ToolFormats (the runtime the generator cannot reference).
    private static bool IsEmail(string value)
    {
        int at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at != value.Length - 1;
    }

    private static bool IsUrl(string value) =>
        (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(value, UriKind.Absolute, out _);
}
