using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Emitting;

/// <summary>Spelling helpers for generated C#.</summary>
internal static class CSharp
{
    public const string Reader = "global::ToolGen.Serialization.ToolArgumentReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string ValueWriter = "global::ToolGen.Serialization.ToolValueWriter";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# UTF-8 string literal (<c>"…"u8</c>).</summary>
    public static string Utf8(string value) => Literal(value) + "u8";

    /// <summary>An identifier that may be a keyword (<c>@class</c>).</summary>
    public static string Identifier(string name) => "@" + name;
}
