using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Parsing;

/// <summary>
/// Turns one [Tool] method into a <see cref="ToolMethodModel"/>. Shared by the generator (which skips methods with
/// problems) and the analyzers (which report them).
/// </summary>
internal static class ToolParser
{
    public const string ToolAttributeName = "ToolGen.ToolAttribute";
    public const string ToolParameterAttributeName = "ToolGen.ToolParameterAttribute";
    public const string ToolDefaultsAttributeName = "ToolGen.ToolDefaultsAttribute";

    /// <summary>The assembly's default ArgumentReading (1 lenient, 2 exact) from [assembly: ToolDefaults].</summary>
    public static int DefaultArgumentReading(IAssemblySymbol assembly)
    {
        var defaults = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ToolDefaultsAttributeName);
        int reading = defaults is null ? 0 : AttributeReader.Named<int>(defaults, "ArgumentReading");
        return reading == 2 ? 2 : 1;
    }

    private static readonly Regex ValidName = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>Parses <paramref name="method"/>; returns null when any problem makes the tool impossible to emit.</summary>
    public static ToolMethodModel? Parse(IMethodSymbol method, AttributeData attribute, Compilation? compilation, List<ToolProblem> problems, CancellationToken cancellationToken)
    {
        int before = problems.Count;
        var parsed = Analyze(method, attribute, compilation, problems, cancellationToken);
        return problems.Count > before || parsed.ContainingType is null
            ? null
            : new ToolMethodModel(parsed.ContainingType, parsed.Tool);
    }

    /// <summary>
    /// Parses <paramref name="method"/> as far as possible, problems or not: the analyzers need the descriptions, names
    /// and type table of a tool even when another part of it is broken. Parameters and a return type that cannot be
    /// described are left out of the spec (and reported in <paramref name="problems"/>).
    /// </summary>
    /// <param name="compilation">Used to read the constant of a member initializer (the schema's default); null leaves
    /// such defaults out of the schema.</param>
    public static ParsedTool Analyze(IMethodSymbol method, AttributeData attribute, Compilation? compilation, List<ToolProblem> problems, CancellationToken cancellationToken)
    {
        var location = method.Locations.FirstOrDefault();
        var containingType = ContainingType(method.ContainingType, problems, location);

        if (method.IsGenericMethod)
        {
            problems.Add(new ToolProblem(ProblemKind.Generic, location, method.Name, "it is a generic method"));
        }

        string? explicitName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        string toolName = explicitName ?? NamingPolicy.ToolName(method.Name);
        if (!ValidName.IsMatch(toolName))
        {
            problems.Add(new ToolProblem(ProblemKind.InvalidToolName, AttributeLocation(attribute) ?? location, toolName, method.Name));
        }

        var docs = DocComments.For(method, cancellationToken);
        string description = AttributeReader.Named<string>(attribute, "Description")
            ?? AttributeReader.Description(method)
            ?? docs.Summary
            ?? string.Empty;

        var types = new TypeParser(compilation, cancellationToken);
        var parameters = new List<ParameterSpec>();
        var inputRoots = new List<(TypeRef Type, string Path, Location? Location)>();
        foreach (var parameter in method.Parameters)
        {
            var spec = Parameter(parameter, types, docs, problems, cancellationToken);
            if (spec is null)
            {
                continue;
            }

            if (parameters.Any(p => p.JsonName == spec.JsonName && !spec.IsInjected))
            {
                problems.Add(new ToolProblem(ProblemKind.DuplicateName, parameter.Locations.FirstOrDefault(), "parameter JSON name", spec.JsonName));
            }

            parameters.Add(spec);
            if (spec.Type is not null)
            {
                inputRoots.Add((spec.Type, spec.CSharpName, parameter.Locations.FirstOrDefault()));
            }
        }

        CheckConstructible(types, inputRoots, problems);
        var (returnKind, returnType) = Return(method, types, problems, location);

        var tool = new ToolSpec(
            method.Name,
            toolName,
            description.Trim(),
            method.IsStatic,
            returnKind,
            returnType,
            parameters.ToEquatableArray(),
            AttributeReader.Named<int>(attribute, "TimeoutMilliseconds"),
            AttributeReader.Named<int>(attribute, "MaxAttempts"),
            AttributeReader.Named<bool>(attribute, "Strict"),
            types.Table,
            Annotations(attribute),
            AttributeReader.Named<bool>(attribute, "RequiresApproval"),
            AttributeReader.Named<bool>(attribute, "RunInline"),
            AttributeReader.Named<int>(attribute, "DeadlineMilliseconds"),
            AttributeReader.Named<int>(attribute, "MaxConcurrency"),
            AttributeReader.Named<int>(attribute, "ArgumentReading"));
        return new ParsedTool(containingType, tool) { OptionalValues = types.OptionalValues };
    }

    private static AnnotationsSpec Annotations(AttributeData attribute)
    {
        var spec = new AnnotationsSpec(
            AttributeReader.NamedOr(attribute, "ReadOnly", false),
            AttributeReader.NamedOr(attribute, "Idempotent", false),
            AttributeReader.NamedOr(attribute, "Destructive", true),
            AttributeReader.NamedOr(attribute, "OpenWorld", true),
            AttributeReader.Named<string>(attribute, "Title"));
        return spec.IsDefault ? AnnotationsSpec.Default : spec;
    }

    private static ParameterSpec? Parameter(IParameterSymbol parameter, TypeParser types, DocComments docs, List<ToolProblem> problems, CancellationToken cancellationToken)
    {
        var location = parameter.Locations.FirstOrDefault();
        if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.Type is IPointerTypeSymbol)
        {
            string what = parameter.IsParams ? "params" : parameter.RefKind == RefKind.None ? "pointer" : parameter.RefKind.ToString().ToLowerInvariant();
            problems.Add(new ToolProblem(ProblemKind.RefParameter, location, parameter.Name, what));
            return null;
        }

        if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
        {
            return new ParameterSpec(parameter.Name, parameter.Name, null, true, null, false, null, null, ConstraintSpec.None);
        }

        if (ServiceParameters.Read(parameter) is { } service)
        {
            return new ParameterSpec(parameter.Name, parameter.Name, null, false, null, false, null, null, ConstraintSpec.None, service);
        }

        var toolParameter = AttributeReader.Find(parameter, ToolParameterAttributeName);
        string jsonName = (toolParameter is { ConstructorArguments.Length: 1 } ? toolParameter.ConstructorArguments[0].Value as string : null)
            ?? parameter.Name;
        string? description = (toolParameter is null ? null : AttributeReader.Named<string>(toolParameter, "Description"))
            ?? AttributeReader.Description(parameter)
            ?? docs.Parameter(parameter.Name);

        // Before resolving: a service type may well look like an object to the type parser (HttpClient has
        // properties), but the model can never send one.
        if (ServiceParameters.IsKnownServiceType(parameter.Type))
        {
            problems.Add(new ToolProblem(ProblemKind.ServiceWithoutMarker, location, parameter.Name, parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            return null;
        }

        var type = types.Resolve(parameter.Type, parameter.Name, out string? problem);
        if (type is null)
        {
            problems.Add(new ToolProblem(ProblemKind.UnsupportedParameterType, location, problem ?? parameter.Type.ToDisplayString()));
            return null;
        }

        bool hasDefault = parameter.HasExplicitDefaultValue;
        if (hasDefault && parameter.ExplicitDefaultValue is null && !parameter.Type.IsValueType)
        {
            // "= null" makes a reference parameter nullable even where annotations are off.
            type = type with { IsNullable = true };
        }

        var constraints = AttributeReader.Constraints(parameter);
        // [Required] wins over a C# default: the model must send the value.
        bool required = !hasDefault || constraints.IsRequired;
        if (!required)
        {
            types.AddOptionalValue(new OptionalValue(parameter, parameter.ExplicitDefaultValue, true, parameter.Type, constraints));
        }

        return new ParameterSpec(
            parameter.Name,
            jsonName,
            type,
            false,
            description?.Trim(),
            required,
            hasDefault ? ConstantFormatter.CSharp(parameter.ExplicitDefaultValue, parameter.Type) : null,
            hasDefault && !required ? ConstantFormatter.Json(parameter.ExplicitDefaultValue, parameter.Type) : null,
            constraints);
    }

    /// <summary>Every object type the model's arguments can reach must be constructible by the parser.</summary>
    private static void CheckConstructible(TypeParser types, List<(TypeRef Type, string Path, Location? Location)> roots, List<ToolProblem> problems)
    {
        var visited = new HashSet<string>();
        foreach (var (root, rootPath, location) in roots)
        {
            var stack = new Stack<(string Id, string Path)>();
            stack.Push((root.TypeId, rootPath));
            while (stack.Count > 0)
            {
                var (id, path) = stack.Pop();
                if (!visited.Add(id) || !types.TryGet(id, out var spec))
                {
                    continue;
                }

                if (spec.Kind == JsonKind.Object && !spec.CanConstruct)
                {
                    problems.Add(new ToolProblem(ProblemKind.UnsupportedParameterType, location,
                        $"'{spec.FullName.Replace("global::", string.Empty)}' at '{path}': it has no public constructor the parser can use (add a parameterless or [JsonConstructor] one)"));
                    continue;
                }

                if (spec.ElementTypeId is not null)
                {
                    stack.Push((spec.ElementTypeId, path + (spec.Kind == JsonKind.Dictionary ? "{}" : "[]")));
                }

                foreach (var member in spec.Members)
                {
                    if (member.InputRole != MemberInputRole.None)
                    {
                        stack.Push((member.Type.TypeId, path + "." + member.CSharpName));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The problems of <paramref name="type"/> and its enclosing types as a home for tools (not partial, generic, not a
    /// class): what <see cref="Analyze"/> reports for them, without parsing any tool.
    /// </summary>
    public static void CheckContainingTypes(INamedTypeSymbol type, List<ToolProblem> problems, Location? location) =>
        ContainingType(type, problems, location);

    private static (ReturnKind Kind, TypeRef? Type) Return(IMethodSymbol method, TypeParser types, List<ToolProblem> problems, Location? location)
    {
        var type = method.ReturnType;
        if (method.ReturnsVoid)
        {
            return (ReturnKind.Void, null);
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problems.Add(new ToolProblem(ProblemKind.UnsupportedReturnType, location, type.ToDisplayString(), "ref returns cannot be written to JSON"));
            return (ReturnKind.Void, null);
        }

        var kind = ReturnKind.Value;
        switch (type.OriginalDefinition.ToDisplayString())
        {
            case "System.Threading.Tasks.Task":
                return (ReturnKind.Task, null);
            case "System.Threading.Tasks.ValueTask":
                return (ReturnKind.ValueTask, null);
            case "System.Threading.Tasks.Task<TResult>":
                kind = ReturnKind.TaskOfT;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
                break;
            case "System.Threading.Tasks.ValueTask<TResult>":
                kind = ReturnKind.ValueTaskOfT;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
                break;
        }

        var result = types.Resolve(type, "return", out string? problem);
        if (result is null)
        {
            problems.Add(new ToolProblem(ProblemKind.UnsupportedReturnType, location, type.ToDisplayString(), problem ?? string.Empty));
        }

        return (kind, result);
    }

    private static ContainingTypeSpec? ContainingType(INamedTypeSymbol type, List<ToolProblem> problems, Location? location)
    {
        var declarations = new List<TypeDeclarationSpec>();
        bool ok = true;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                problems.Add(new ToolProblem(ProblemKind.Generic, location, current.Name, $"it is declared in the generic type '{current.ToDisplayString()}'"));
                ok = false;
            }

            var syntax = current.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
            if (syntax.Count == 0 || !syntax.Any(s => s.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                var at = syntax.FirstOrDefault()?.Identifier.GetLocation() ?? current.Locations.FirstOrDefault();
                problems.Add(new ToolProblem(ProblemKind.NotPartial, at, current.Name));
                ok = false;
            }

            if (current.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                problems.Add(new ToolProblem(ProblemKind.UnsupportedContainer, location, current.Name, current.TypeKind.ToString().ToLowerInvariant()));
                ok = false;
            }

            string keyword = (current.IsRecord, current.TypeKind) switch
            {
                (true, TypeKind.Struct) => "record struct",
                (true, _) => "record",
                (false, TypeKind.Struct) => "struct",
                _ => "class",
            };
            declarations.Insert(0, new TypeDeclarationSpec(keyword, current.Name, current.IsStatic));
        }

        if (!ok)
        {
            return null;
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        string fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string hint = (ns is null ? string.Empty : ns + ".") + string.Join(".", declarations.Select(d => d.Name)) + ".ToolGen.g.cs";
        return new ContainingTypeSpec(ns, declarations.ToEquatableArray(), fullName, hint, ServiceConstructor(type));
    }

    /// <summary>
    /// The constructor per-call creation uses (as Microsoft.Extensions.DependencyInjection would pick it): the public one
    /// marked [ActivatorUtilitiesConstructor], else the public one with the most parameters (the first of equals).
    /// None for static or abstract classes, structs, or when no public constructor takes only plain parameters.
    /// </summary>
    private static ServiceConstructorSpec? ServiceConstructor(INamedTypeSymbol type)
    {
        if (type.IsStatic || type.IsAbstract || type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .Where(c => c.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && p.Type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer) && !p.Type.IsRefLikeType))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute"))
            ?? candidates.OrderByDescending(c => c.Parameters.Length).First();
        var parameters = chosen.Parameters.Select(p =>
        {
            string typeName = p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
            string? fallback = p.HasExplicitDefaultValue
                ? ConstantFormatter.CSharp(p.ExplicitDefaultValue, p.Type)
                : p.NullableAnnotation == NullableAnnotation.Annotated || p.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                    ? "default"
                    : null;
            return new ServiceParameterSpec(typeName, fallback);
        });
        return new ServiceConstructorSpec(parameters.ToEquatableArray());
    }

    private static Location? AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax
            // The positional name argument, not a named one like Description = "…".
            ? (syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.GetLocation() ?? syntax.GetLocation())
            : null;
}
