using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ToolGen.CodeFixes;

/// <summary>
/// Computes the lines that add empty <c>&lt;summary&gt;</c> and <c>&lt;param&gt;</c> elements to a method's XML doc
/// comment, merging with the comment that is already there: the summary goes first, each param after the param of the
/// parameter before it (or before the one after it), so the comment stays in declaration order. Works on text lines so
/// the user's comment formatting is untouched, and returns all of a method's insertions at once so that two new
/// elements never compete for the same spot.
/// </summary>
internal static class DocCommentEdits
{
    public static IEnumerable<TextChange> For(MethodDeclarationSyntax method, SourceText text, bool addSummary, ICollection<string> parameterNames)
    {
        var firstToken = method.GetFirstToken();
        var methodLine = text.Lines.GetLineFromPosition(firstToken.SpanStart);
        string methodPrefix = text.ToString(TextSpan.FromBounds(methodLine.Start, firstToken.SpanStart));
        if (methodPrefix.Trim().Length > 0)
        {
            // Something else shares the method's first line: there is no line to put a comment above.
            yield break;
        }

        string newLine = methodLine.EndIncludingLineBreak > methodLine.End
            ? text.ToString(TextSpan.FromBounds(methodLine.End, methodLine.EndIncludingLineBreak))
            : "\n";
        var doc = firstToken.LeadingTrivia
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .LastOrDefault();

        string indent = methodPrefix;
        int docStart = methodLine.Start;
        if (doc is not null)
        {
            var docLine = text.Lines.GetLineFromPosition(doc.SpanStart);
            docStart = docLine.Start;
            indent = text.ToString(TextSpan.FromBounds(docLine.Start, doc.SpanStart));
            // The trivia starts at "///", and its exterior may have been counted into the span: keep only whitespace.
            indent = new string(indent.TakeWhile(char.IsWhiteSpace).ToArray());
        }

        var elements = doc?.Content.OfType<XmlElementSyntax>().ToList() ?? new List<XmlElementSyntax>();
        var summary = elements.FirstOrDefault(e => e.StartTag.Name.LocalName.ValueText == "summary");
        var existingParams = elements
            .Where(e => e.StartTag.Name.LocalName.ValueText == "param")
            .Select(e => (Name: ParamName(e), Element: e))
            .Where(p => p.Name is not null)
            .ToList();

        // (position, order) → line; the order keeps the summary first and parameters in declaration order.
        var insertions = new List<(int Position, int Order, string Line)>();
        if (addSummary && summary is null)
        {
            insertions.Add((docStart, -1, indent + "/// <summary></summary>" + newLine));
        }

        var parameters = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList();
        for (int i = 0; i < parameters.Count; i++)
        {
            string name = parameters[i];
            if (!parameterNames.Contains(name) || existingParams.Any(p => p.Name == name))
            {
                continue;
            }

            int position = AfterPrevious(parameters, i, existingParams, text)
                ?? BeforeNext(parameters, i, existingParams, text)
                ?? (summary is not null ? LineAfter(summary, text) : doc is not null ? methodLine.Start : docStart);
            insertions.Add((position, i, indent + $"/// <param name=\"{name}\"></param>" + newLine));
        }

        foreach (var group in insertions.GroupBy(i => i.Position))
        {
            yield return new TextChange(new TextSpan(group.Key, 0), string.Concat(group.OrderBy(i => i.Order).Select(i => i.Line)));
        }
    }

    private static int? AfterPrevious(List<string> parameters, int index, List<(string? Name, XmlElementSyntax Element)> existing, SourceText text)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            var match = existing.FirstOrDefault(p => p.Name == parameters[j]);
            if (match.Element is not null)
            {
                return LineAfter(match.Element, text);
            }
        }

        return null;
    }

    private static int? BeforeNext(List<string> parameters, int index, List<(string? Name, XmlElementSyntax Element)> existing, SourceText text)
    {
        for (int j = index + 1; j < parameters.Count; j++)
        {
            var match = existing.FirstOrDefault(p => p.Name == parameters[j]);
            if (match.Element is not null)
            {
                return text.Lines.GetLineFromPosition(match.Element.SpanStart).Start;
            }
        }

        return null;
    }

    /// <summary>The start of the line after the one an element ends on.</summary>
    private static int LineAfter(SyntaxNode element, SourceText text) =>
        text.Lines.GetLineFromPosition(element.Span.End).EndIncludingLineBreak;

    private static string? ParamName(XmlElementSyntax element) =>
        element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
}
