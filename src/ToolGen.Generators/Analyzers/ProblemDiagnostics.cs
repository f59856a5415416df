using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ToolGen.Generators.Diagnostics;
using ToolGen.Generators.Model;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators.Analyzers;

/// <summary>Turns the parser's <see cref="ToolProblem"/>s into diagnostics: the parser finds, this only words them.</summary>
internal static class ProblemDiagnostics
{
    /// <param name="tool">The tool the problem belongs to; null for problems of a type alone (TG0007).</param>
    public static Diagnostic Create(ToolProblem problem, ToolSpec? tool)
    {
        var location = problem.Location ?? Location.None;
        string[] args = problem.Arguments;
        switch (problem.Kind)
        {
            case ProblemKind.UnsupportedParameterType:
                return Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameterType, location, tool?.ToolName, args[0]);
            case ProblemKind.UnsupportedReturnType:
                string reason = args.Length > 1 && args[1].Length > 0 ? args[1] : "it has no JSON shape";
                return Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, location, tool?.ToolName, args[0], reason);
            case ProblemKind.InvalidToolName:
                string suggestion = NamingPolicy.ValidToolName(args[0]);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SuggestedToolName, suggestion);
                return Diagnostic.Create(DiagnosticDescriptors.InvalidToolName, location, properties, args[0], suggestion);
            case ProblemKind.DuplicateName:
                return Diagnostic.Create(DiagnosticDescriptors.DuplicateName, location,
                    "The parameter JSON name", args[1], "another parameter of this tool", "[ToolParameter(\"other_name\")]");
            case ProblemKind.NotPartial:
                return Diagnostic.Create(DiagnosticDescriptors.NotPartial, location, args[0]);
            case ProblemKind.Generic:
                return Diagnostic.Create(DiagnosticDescriptors.Generic, location, tool?.MethodName, args[1]);
            case ProblemKind.RefParameter:
                return Diagnostic.Create(DiagnosticDescriptors.RefParameter, location, args[0], args[1]);
            case ProblemKind.ServiceWithoutMarker:
                return Diagnostic.Create(DiagnosticDescriptors.ServiceWithoutMarker, location, args[0], tool?.ToolName, args[1]);
            default:
                return Diagnostic.Create(DiagnosticDescriptors.UnsupportedContainer, location, tool?.MethodName, args[1], args[0]);
        }
    }
}
