using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ToolGen.Generators.Parsing;

/// <summary>
/// Reads <c>&lt;summary&gt;</c> and <c>&lt;param&gt;</c> from XML doc comments. When the project does not generate a
/// documentation file the compiler does not parse doc comments at all, so the comment trivia is read directly.
/// </summary>
internal sealed class DocComments
{
    private static readonly DocComments Empty = new(null, new Dictionary<string, string>());

    private readonly Dictionary<string, string> _parameters;

    private DocComments(string? summary, Dictionary<string, string> parameters)
    {
        Summary = summary;
        _parameters = parameters;
    }

    public string? Summary { get; }

    public string? Parameter(string name) => _parameters.TryGetValue(name, out var text) ? text : null;

    public static DocComments For(ISymbol symbol, CancellationToken cancellationToken)
    {
        string? xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            xml = FromTrivia(symbol, cancellationToken);
        }

        return string.IsNullOrWhiteSpace(xml) ? Empty : Parse(xml!);
    }

    private static string? FromTrivia(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var lines = new List<string>();
            foreach (var trivia in node.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    foreach (var line in trivia.ToFullString().Split('\n'))
                    {
                        string trimmed = line.Trim();
                        if (trimmed.StartsWith("///", StringComparison.Ordinal))
                        {
                            lines.Add(trimmed.Substring(3));
                        }
                    }
                }
            }

            if (lines.Count > 0)
            {
                return "<member>" + string.Join("\n", lines) + "</member>";
            }
        }

        return null;
    }

    private static DocComments Parse(string xml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.None);
        }
        catch (System.Xml.XmlException)
        {
            // Malformed doc comments describe nothing (the compiler warns about them itself).
            return Empty;
        }

        string? summary = root.Element("summary") is { } s ? Text(s) : null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var param in root.Elements("param"))
        {
            string? name = param.Attribute("name")?.Value;
            if (name is not null && !parameters.ContainsKey(name))
            {
                parameters[name] = Text(param);
            }
        }

        return new DocComments(summary, parameters);
    }

    /// <summary>The element's prose: references become their short names, whitespace collapses to single spaces.</summary>
    private static string Text(XElement element)
    {
        var builder = new StringBuilder();
        Append(element, builder);
        return string.Join(" ", builder.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(XElement element, StringBuilder builder)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement child when child.Name.LocalName is "see" or "seealso" or "paramref" or "typeparamref":
                    string? reference = child.Attribute("cref")?.Value ?? child.Attribute("name")?.Value
                        ?? child.Attribute("langword")?.Value ?? child.Attribute("href")?.Value;
                    builder.Append(child.Nodes().Any() ? child.Value : ShortName(reference));
                    break;
                case XElement child:
                    Append(child, builder);
                    builder.Append(' ');
                    break;
            }
        }
    }

    private static string ShortName(string? reference)
    {
        if (reference is null)
        {
            return string.Empty;
        }

        string name = reference.Length > 2 && reference[1] == ':' ? reference.Substring(2) : reference;
        int paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name.Substring(0, paren);
        }

        int dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }
}
