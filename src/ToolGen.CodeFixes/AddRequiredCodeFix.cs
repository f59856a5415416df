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
using ToolGen.Generators.Analyzers;
using ToolGen.Generators.Diagnostics;

namespace ToolGen.CodeFixes;

/// <summary>
/// TG0016: adds the <c>required</c> modifier to a property whose default breaks its own DataAnnotations, so the model
/// must send it (and the parser checks it). Offered only where the analyzer says it applies (a settable property).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRequiredCodeFix)), Shared]
public sealed class AddRequiredCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.DefaultBreaksConstraint.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.CanAddRequired) || PropertyAt(root, diagnostic) is not { } property)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{property.Identifier.ValueText}' required",
                    token => FixAsync(context.Document, property, token),
                    equivalenceKey: DiagnosticDescriptors.DefaultBreaksConstraint.Id),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, PropertyDeclarationSyntax property, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(property, AddRequired(property)));
    }

    private static PropertyDeclarationSyntax? PropertyAt(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault();

    /// <summary>'required' after the accessibility and other modifiers, before the type, as C# writes it.</summary>
    private static PropertyDeclarationSyntax AddRequired(PropertyDeclarationSyntax property)
    {
        if (property.Modifiers.Any(SyntaxKind.RequiredKeyword))
        {
            return property;
        }

        if (property.Modifiers.Count > 0)
        {
            return property.WithModifiers(property.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.RequiredKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
        }

        var type = property.Type;
        var required = SyntaxFactory.Token(type.GetLeadingTrivia(), SyntaxKind.RequiredKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return property.WithModifiers(SyntaxFactory.TokenList(required)).WithType(type.WithLeadingTrivia());
    }
}
