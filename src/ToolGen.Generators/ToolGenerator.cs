using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ToolGen.Generators.Emitting;
using ToolGen.Generators.Model;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators;

/// <summary>
/// The ToolGen source generator: [Tool] methods → value-equatable models → one file per declaring class. Methods the
/// parser cannot handle are skipped here and reported by the analyzers, so the generator itself never reports or throws.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ToolGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tools = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ToolParser.ToolAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, cancellationToken) => ctx.TargetSymbol is IMethodSymbol method
                    ? ToolParser.Parse(method, ctx.Attributes[0], ctx.SemanticModel.Compilation, new List<ToolProblem>(), cancellationToken)
                    : null)
            .WithTrackingName(TrackingNames.ToolMethods)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidToolMethods);

        // Only the assembly attribute's value flows on, so other compilation changes stop here.
        var defaultReading = context.CompilationProvider
            .Select(static (compilation, _) => ToolParser.DefaultArgumentReading(compilation.Assembly));

        var toolSets = tools
            .Collect()
            .Combine(defaultReading)
            .SelectMany(static (input, _) => Group(input.Left, input.Right))
            .WithTrackingName(TrackingNames.ToolSets);

        context.RegisterSourceOutput(toolSets, static (output, set) =>
            output.AddSource(set.ContainingType.HintName, ToolSetEmitter.Emit(set)));
    }

    /// <summary>One tool set per declaring class, tools in declaration order, classes in ordinal order.</summary>
    private static ImmutableArray<ToolSetSpec> Group(ImmutableArray<ToolMethodModel> models, int defaultReading) =>
        models
            .Select(m => m.Tool.ArgumentReading != 0 ? m : m with { Tool = m.Tool with { ArgumentReading = defaultReading } })
            .GroupBy(m => m.ContainingType)
            .OrderBy(g => g.Key.FullName, System.StringComparer.Ordinal)
            // A second tool with the same name is reported by TG0006 and left out, so the switch stays valid.
            .Select(g => new ToolSetSpec(g.Key, g.Select(m => m.Tool).GroupBy(t => t.ToolName).Select(d => d.First()).ToEquatableArray()))
            .ToImmutableArray();
}
