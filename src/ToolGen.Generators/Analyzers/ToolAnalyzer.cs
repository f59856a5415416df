using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ToolGen.Generators.Diagnostics;
using ToolGen.Generators.Model;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// Reports every badly declared tool. Like the Regex generator's analyzer it runs the generator's own parser, so a tool
/// the generator skips is always a tool reported here, for the same reason. It works per type rather than per method
/// because duplicate tool names (TG0006) are a property of the whole class.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ToolAnalyzer : DiagnosticAnalyzer
{
    private const string CancellationTokenName = "System.Threading.CancellationToken";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingToolDescription,
        DiagnosticDescriptors.MissingParameterDescription,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.InvalidToolName,
        DiagnosticDescriptors.DuplicateName,
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.Generic,
        DiagnosticDescriptors.RefParameter,
        DiagnosticDescriptors.StrictSchemaViolation,
        DiagnosticDescriptors.DescriptionTooLong,
        DiagnosticDescriptors.PlaceholderDescription,
        DiagnosticDescriptors.ToolParameterOnCancellationToken,
        DiagnosticDescriptors.UnsupportedContainer,
        DiagnosticDescriptors.ContradictoryAnnotations,
        DiagnosticDescriptors.ServiceWithoutMarker);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var toolAttribute = start.Compilation.GetTypeByMetadataName(ToolParser.ToolAttributeName);
            if (toolAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, toolAttribute), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol toolAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;

        // Diagnostics must be local to the analyzed symbol (the IDE shows and fixes only those), so a problem with an
        // enclosing type (TG0007 on an outer class) is reported by that type's own action, and only once.
        var reported = new HashSet<(string, Location)>();
        void Report(Diagnostic diagnostic)
        {
            if (reported.Add((diagnostic.Id, diagnostic.Location)))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        bool IsAboutAnotherType(ToolProblem problem) =>
            problem.Kind == ProblemKind.NotPartial && !type.Locations.Contains(problem.Location!);

        var tools = new List<(IMethodSymbol Method, AttributeData Attribute, ParsedTool Parsed)>();
        foreach (var (method, attribute) in ToolMethods(type, toolAttribute))
        {
            var problems = new List<ToolProblem>();
            var parsed = ToolParser.Analyze(method, attribute, context.Compilation, problems, context.CancellationToken);
            tools.Add((method, attribute, parsed));

            foreach (var problem in problems.Where(p => !IsAboutAnotherType(p)))
            {
                Report(ProblemDiagnostics.Create(problem, parsed.Tool));
            }

            CheckDescriptions(context, method, attribute, parsed.Tool);
            CheckCancellationTokens(context, method);
            CheckStrict(context, method, attribute, parsed.Tool);
            AnnotationRules.Check(context, attribute, parsed.Tool);
        }

        CheckDuplicateToolNames(context, tools);

        // Types nested in this one that declare tools need this one to be partial too.
        foreach (var nested in NestedTypes(type))
        {
            var first = ToolMethods(nested, toolAttribute).FirstOrDefault();
            if (first.Method is null)
            {
                continue;
            }

            var problems = new List<ToolProblem>();
            ToolParser.CheckContainingTypes(nested, problems, first.Method.Locations.FirstOrDefault());
            foreach (var problem in problems.Where(p => p.Kind == ProblemKind.NotPartial && !IsAboutAnotherType(p)))
            {
                Report(ProblemDiagnostics.Create(problem, null));
            }
        }
    }

    private static IEnumerable<(IMethodSymbol Method, AttributeData Attribute)> ToolMethods(INamedTypeSymbol type, INamedTypeSymbol toolAttribute)
    {
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>().OrderBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, toolAttribute));
            if (attribute is not null && method.MethodKind == MethodKind.Ordinary)
            {
                yield return (method, attribute);
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> NestedTypes(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            yield return nested;
            foreach (var deeper in NestedTypes(nested))
            {
                yield return deeper;
            }
        }
    }

    private static void CheckDescriptions(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute, ToolSpec tool)
    {
        var location = method.Locations.FirstOrDefault() ?? Location.None;
        if (DescriptionRules.IsMissing(tool.Description))
        {
            bool canAdd = AttributeReader.Named<string>(attribute, "Description") is null
                && AttributeReader.Description(method) is null
                && DocComments.For(method, context.CancellationToken).Summary is null;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingToolDescription, location, FixProperties(canAdd), tool.ToolName));
        }
        else
        {
            CheckText(context, location, $"tool '{tool.ToolName}'", tool.Description, tool.MethodName, tool.ToolName);
        }

        DocComments? docs = null;
        foreach (var parameter in tool.Parameters)
        {
            if (parameter.IsInjected)
            {
                continue;
            }

            var symbol = method.Parameters.First(p => p.Name == parameter.CSharpName);
            var at = symbol.Locations.FirstOrDefault() ?? Location.None;
            if (DescriptionRules.IsMissing(parameter.Description))
            {
                docs ??= DocComments.For(method, context.CancellationToken);
                bool canAdd = parameter.Description is null && docs.Parameter(parameter.CSharpName) is null;
                var properties = FixProperties(canAdd).Add(DiagnosticProperties.ParameterName, parameter.CSharpName);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingParameterDescription, at, properties, parameter.CSharpName, tool.ToolName));
            }
            else
            {
                CheckText(context, at, $"parameter '{parameter.CSharpName}' of tool '{tool.ToolName}'", parameter.Description!, parameter.CSharpName, parameter.JsonName);
            }
        }
    }

    private static ImmutableDictionary<string, string?> FixProperties(bool canAddDocElement) =>
        canAddDocElement
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.CanAddDocElement, "true")
            : ImmutableDictionary<string, string?>.Empty;

    private static void CheckText(SymbolAnalysisContext context, Location location, string what, string description, params string[] ownNames)
    {
        if (DescriptionRules.IsPlaceholder(description, ownNames))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PlaceholderDescription, location, what, description.Trim()));
        }

        if (DescriptionRules.IsTooLong(description))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DescriptionTooLong, location, what, description.Trim().Length));
        }
    }

    /// <summary>TG0013: the dispatcher supplies CancellationTokens, so naming or describing one has no effect.</summary>
    private static void CheckCancellationTokens(SymbolAnalysisContext context, IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.ToDisplayString() == CancellationTokenName
                && AttributeReader.Find(parameter, ToolParser.ToolParameterAttributeName) is { } attribute)
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? parameter.Locations.FirstOrDefault() ?? Location.None;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolParameterOnCancellationToken, location, parameter.Name));
            }
        }
    }

    private static void CheckStrict(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute, ToolSpec tool)
    {
        if (!tool.Strict)
        {
            return;
        }

        var violations = StrictSchemaRules.Violations(tool);
        if (violations.Count == 0)
        {
            return;
        }

        // On "Strict = true" itself: that is what the user either keeps (and changes the types) or removes.
        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax syntax
            && syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Strict") is { } strict
                ? strict.GetLocation()
                : method.Locations.FirstOrDefault() ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StrictSchemaViolation, location, tool.ToolName, string.Join("; ", violations)));
    }

    /// <summary>TG0006 for tools: the generator keeps the first of two same-named tools, so the second is reported.</summary>
    private static void CheckDuplicateToolNames(SymbolAnalysisContext context, List<(IMethodSymbol Method, AttributeData Attribute, ParsedTool Parsed)> tools)
    {
        var first = new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
        // The generator sees tools in syntax-tree order, then source order; "second" means the same here.
        var trees = context.Compilation.SyntaxTrees.ToList();
        foreach (var (method, _, parsed) in tools.OrderBy(t => trees.IndexOf(t.Method.Locations.FirstOrDefault()?.SourceTree!))
                     .ThenBy(t => t.Method.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            string name = parsed.Tool.ToolName;
            if (first.TryGetValue(name, out var earlier))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName, method.Locations.FirstOrDefault() ?? Location.None,
                    "The tool name", name, $"the tool method '{earlier.Name}' of this type", "[Tool(\"other_name\")]"));
            }
            else
            {
                first.Add(name, method);
            }
        }
    }
}
