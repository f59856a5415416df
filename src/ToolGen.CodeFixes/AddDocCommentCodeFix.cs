using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Text;
using ToolGen.Generators.Analyzers;
using ToolGen.Generators.Diagnostics;

namespace ToolGen.CodeFixes;

/// <summary>
/// TG0001 / TG0002: adds an empty XML doc <c>&lt;summary&gt;</c> or <c>&lt;param&gt;</c> for the user to fill in. Never
/// writes prose: generated filler would be a placeholder, which TG0012 exists to flag.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDocCommentCodeFix)), Shared]
public sealed class AddDocCommentCodeFix : CodeFixProvider
{
    private static readonly string SummaryId = DiagnosticDescriptors.MissingToolDescription.Id;
    private static readonly string ParamId = DiagnosticDescriptors.MissingParameterDescription.Id;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SummaryId, ParamId);

    // Document-based rather than BatchFixer: two undocumented parameters of one method insert at the same line, which
    // the batch fixer treats as a conflict; here all insertions of a method are computed together.
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // Without the property an (empty) element or attribute already exists: adding another would not help.
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.CanAddDocElement))
            {
                continue;
            }

            string title = diagnostic.Id == SummaryId
                ? "Add an XML doc <summary> to describe the tool"
                : $"Add an XML doc <param name=\"{diagnostic.Properties[DiagnosticProperties.ParameterName]}\"> to describe the parameter";
            context.RegisterCodeFix(
                CodeAction.Create(title, token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), token), equivalenceKey: diagnostic.Id),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return document;
        }

        // Without a documentation file the compiler may not parse /// comments into XML; parse them here to merge.
        if (tree.Options.DocumentationMode == DocumentationMode.None)
        {
            tree = tree.WithRootAndOptions(
                CSharpSyntaxTree.ParseText(text, ((CSharpParseOptions)tree.Options).WithDocumentationMode(DocumentationMode.Parse), cancellationToken: cancellationToken).GetRoot(cancellationToken),
                tree.Options);
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>();
        foreach (var group in diagnostics.Where(d => d.Properties.ContainsKey(DiagnosticProperties.CanAddDocElement))
                     .GroupBy(d => root.FindToken(d.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()))
        {
            if (group.Key is null)
            {
                continue;
            }

            bool addSummary = group.Any(d => d.Id == SummaryId);
            var parameters = new HashSet<string>(group.Where(d => d.Id == ParamId)
                .Select(d => d.Properties.TryGetValue(DiagnosticProperties.ParameterName, out var name) ? name : null)
                .Where(name => name is not null)!);
            changes.AddRange(DocCommentEdits.For(group.Key, text, addSummary, parameters));
        }

        return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
    }
}
