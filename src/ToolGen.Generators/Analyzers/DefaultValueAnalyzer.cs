using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ToolGen.Generators.Diagnostics;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators.Analyzers;

/// <summary>
/// TG0016: an optional parameter or member of a tool whose default its own DataAnnotations reject. The member may be
/// declared far from the tool that uses it, and the IDE shows (and fixes) only diagnostics reported by the action of
/// the symbol that declares them, so the tools of the compilation are parsed once, and each type's action reports
/// the findings about its own members and parameters.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DefaultValueAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DefaultBreaksConstraint);

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

            var compilation = start.Compilation;
            var findings = new System.Lazy<Dictionary<INamedTypeSymbol, List<Finding>>>(
                () => Find(compilation, toolAttribute, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(symbol => Report(symbol, findings.Value), SymbolKind.NamedType);
        });
    }

    private sealed class Finding
    {
        public Finding(OptionalValue optional, string violation)
        {
            Optional = optional;
            Violation = violation;
        }

        public OptionalValue Optional { get; }

        public string Violation { get; }
    }

    private static void Report(SymbolAnalysisContext context, Dictionary<INamedTypeSymbol, List<Finding>> findings)
    {
        if (!findings.TryGetValue((INamedTypeSymbol)context.Symbol, out var mine))
        {
            return;
        }

        foreach (var finding in mine)
        {
            var symbol = finding.Optional.Symbol;
            var properties = symbol is IPropertySymbol { IsRequired: false, SetMethod: not null }
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.CanAddRequired, "true")
                : ImmutableDictionary<string, string?>.Empty;
            string name = symbol is IParameterSymbol ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DefaultBreaksConstraint, symbol.Locations[0], properties,
                name, DefaultValueRules.Display(finding.Optional), finding.Violation));
        }
    }

    /// <summary>Every tool of the compilation's own source, parsed; findings grouped by the type declaring the symbol.</summary>
    private static Dictionary<INamedTypeSymbol, List<Finding>> Find(Compilation compilation, INamedTypeSymbol toolAttribute, CancellationToken cancellationToken)
    {
        var result = new Dictionary<INamedTypeSymbol, List<Finding>>(SymbolEqualityComparer.Default);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var type in Types(compilation.Assembly.GlobalNamespace))
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attribute = method.MethodKind == MethodKind.Ordinary
                    ? method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, toolAttribute))
                    : null;
                if (attribute is null)
                {
                    continue;
                }

                var parsed = ToolParser.Analyze(method, attribute, compilation, new List<ToolProblem>(), cancellationToken);
                foreach (var optional in parsed.OptionalValues)
                {
                    var symbol = optional.Symbol;
                    if (!seen.Add(symbol) || !symbol.Locations.Any(l => l.IsInSource) || symbol.ContainingType is not { } owner
                        || DefaultValueRules.Violation(optional) is not { } violation)
                    {
                        continue;
                    }

                    if (!result.TryGetValue(owner, out var list))
                    {
                        result[owner] = list = new List<Finding>();
                    }

                    list.Add(new Finding(optional, violation));
                }
            }
        }

        return result;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in Types(inner))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var deeper in WithNested(nested))
            {
                yield return deeper;
            }
        }
    }
}
