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
/// TG0005: writes the valid name the analyzer suggested (invalid characters replaced by '_', cut to 64) into
/// <c>[Tool("…")]</c>, replacing an explicit name or adding one where the default name was invalid.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameToolCodeFix)), Shared]
public sealed class RenameToolCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidToolName.Id);

    // Each fix edits one attribute, so the edits of a fix-all never overlap.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.SuggestedToolName, out var name) && name is not null
                && AttributeAt(root, diagnostic) is { } attribute)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Rename the tool to '{name}'",
                        token => RenameAsync(context.Document, attribute, name, token),
                        equivalenceKey: DiagnosticDescriptors.InvalidToolName.Id),
                    diagnostic);
            }
        }
    }

    private static AttributeSyntax? AttributeAt(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();

    private static async Task<Document> RenameAsync(Document document, AttributeSyntax attribute, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
        var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var positional = arguments.Arguments.FirstOrDefault(a => a.NameEquals is null);
        var updated = positional is not null
            ? arguments.ReplaceNode(positional.Expression, literal.WithTriviaFrom(positional.Expression))
            : arguments.WithArguments(WithNameFirst(arguments.Arguments, SyntaxFactory.AttributeArgument(literal)));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, attribute.WithArgumentList(updated)));
    }

    /// <summary>The name goes before any named argument (C# requires it), separated by ", ".</summary>
    private static SeparatedSyntaxList<AttributeArgumentSyntax> WithNameFirst(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, AttributeArgumentSyntax name)
    {
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        return SyntaxFactory.SeparatedList(new[] { name }.Concat(arguments), Enumerable.Repeat(separator, arguments.Count));
    }
}
