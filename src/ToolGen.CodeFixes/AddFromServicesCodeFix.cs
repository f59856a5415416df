using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ToolGen.Generators.Diagnostics;

namespace ToolGen.CodeFixes;

/// <summary>TG0020: marks a service parameter <c>[FromServices]</c>, so it is resolved from the call's services.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddFromServicesCodeFix)), Shared]
public sealed class AddFromServicesCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ServiceWithoutMarker.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ParameterAt(root, diagnostic) is { } parameter)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Mark '{parameter.Identifier.ValueText}' [FromServices]",
                        token => FixAsync(context.Document, diagnostic, token),
                        equivalenceKey: DiagnosticDescriptors.ServiceWithoutMarker.Id),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || ParameterAt(root, diagnostic) is not { } parameter)
        {
            return document;
        }

        // The short name where ToolGen is imported (tool files almost always import it for [Tool]).
        bool imported = root is CompilationUnitSyntax unit && unit.Usings.Any(u => u.Name?.ToString() == "ToolGen")
            || parameter.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == "ToolGen"
                || n.Usings.Any(u => u.Name?.ToString() == "ToolGen"));
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(imported ? "FromServices" : "ToolGen.FromServices"));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(SyntaxFactory.Space);
        ParameterSyntax updated;
        if (parameter.AttributeLists.Count == 0)
        {
            // The parameter's leading trivia (a line break and indentation) stays in front of the attribute.
            updated = parameter.WithoutLeadingTrivia()
                .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(parameter.GetLeadingTrivia())));
        }
        else
        {
            // After the existing attributes (the workspace formats adjacent parameter attribute lists as "][").
            updated = parameter.WithAttributeLists(parameter.AttributeLists.Add(list));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(parameter, updated));
    }

    private static ParameterSyntax? ParameterAt(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
}
