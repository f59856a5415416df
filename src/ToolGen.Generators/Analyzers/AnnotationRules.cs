using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ToolGen.Generators.Diagnostics;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// TG0015: <c>ReadOnly = true</c> together with an explicit <c>Destructive = true</c> or <c>Idempotent = false</c>.
/// Read-only wins at run time (MCP's meaning), so the other setting is silently ignored; the warning goes on the
/// ignored argument, which is what the author has to reconsider.
/// </summary>
internal static class AnnotationRules
{
    public static void Check(SymbolAnalysisContext context, AttributeData attribute, ToolSpec tool)
    {
        if (!tool.Annotations.ReadOnly
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
            || syntax.ArgumentList is null)
        {
            return;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            string? name = argument.NameEquals?.Name.Identifier.ValueText;
            bool? value = Value(attribute, name);
            if ((name == "Destructive" && value == true) || (name == "Idempotent" && value == false))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ContradictoryAnnotations,
                    argument.GetLocation(),
                    tool.ToolName,
                    $"{name} = {(value == true ? "true" : "false")}"));
            }
        }
    }

    // The bound value, not the syntax: "Destructive = !false" or a constant counts the same.
    private static bool? Value(AttributeData attribute, string? name) =>
        name is null ? null : attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as bool?;
}
