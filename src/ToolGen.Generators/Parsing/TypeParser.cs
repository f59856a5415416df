using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ToolGen.Generators.Model;
using RoslynTypeKind = Microsoft.CodeAnalysis.TypeKind;

namespace ToolGen.Generators.Parsing;

/// <summary>
/// Maps Roslyn types onto the type table, filling one tool's table of <see cref="TypeSpec"/>s. A type outside the
/// table yields <see langword="null"/> and a reason naming the path to it (<c>order.Items[].Owner</c>).
/// </summary>
internal sealed class TypeParser
{
    public static readonly SymbolDisplayFormat FullNameFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Dictionary<string, TypeSpec> _table = new();
    private readonly HashSet<string> _inProgress = new();
    private readonly CancellationToken _cancellationToken;
    private readonly Compilation? _compilation;
    private readonly List<OptionalValue> _optionalValues = new();

    public TypeParser(Compilation? compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The optional members met so far with the value they take when absent (for the TG0016 check).</summary>
    public IReadOnlyList<OptionalValue> OptionalValues => _optionalValues;

    public void AddOptionalValue(OptionalValue value) => _optionalValues.Add(value);

    public EquatableArray<TypeSpec> Table => _table.Values.OrderBy(t => t.Id, System.StringComparer.Ordinal).ToEquatableArray();

    public bool TryGet(string id, out TypeSpec spec) => _table.TryGetValue(id, out spec!);

    /// <summary>Resolves a type use; on failure <paramref name="problem"/> says what and where.</summary>
    public TypeRef? Resolve(ITypeSymbol type, string path, out string? problem)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        problem = null;
        if (ConstantFormatter.UnderlyingOfNullable(type) is { } underlying)
        {
            var inner = Resolve(underlying, path, out problem);
            return inner is null ? null : inner with { IsNullable = true };
        }

        bool nullable = !type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated;
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        string id = plain.ToDisplayString(FullNameFormat);
        if (_table.ContainsKey(id) || _inProgress.Contains(id))
        {
            return new TypeRef(id, nullable);
        }

        TypeSpec? spec = Build(plain, id, path, out problem);
        if (spec is null)
        {
            return null;
        }

        _table[id] = spec;
        return new TypeRef(id, nullable);
    }

    private TypeSpec? Build(ITypeSymbol type, string id, string path, out string? problem)
    {
        problem = null;
        if (Scalar(type) is { } kind)
        {
            return Simple(id, kind, type.IsValueType);
        }

        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1 } array:
                return Collection(id, CollectionKind.Array, array.ElementType, path, out problem);
            case IArrayTypeSymbol:
                problem = Unsupported(type, path, "multi-dimensional arrays have no JSON shape; use a jagged array");
                return null;
            case ITypeParameterSymbol:
                problem = Unsupported(type, path, "open generic types cannot be described; use a concrete type");
                return null;
            case INamedTypeSymbol { TypeKind: RoslynTypeKind.Enum } enumType:
                return Enum(id, enumType);
            case INamedTypeSymbol named:
                return Named(named, id, path, out problem);
            default:
                problem = Unsupported(type, path, "it has no JSON shape");
                return null;
        }
    }

    private TypeSpec? Named(INamedTypeSymbol type, string id, string path, out string? problem)
    {
        problem = null;
        string definition = type.OriginalDefinition.ToDisplayString();
        switch (definition)
        {
            case "System.Collections.Generic.List<T>":
            case "System.Collections.Generic.IList<T>":
            case "System.Collections.Generic.ICollection<T>":
            case "System.Collections.Generic.IEnumerable<T>":
            case "System.Collections.Generic.IReadOnlyList<T>":
            case "System.Collections.Generic.IReadOnlyCollection<T>":
                return Collection(id, CollectionKind.List, type.TypeArguments[0], path, out problem);
            case "System.Collections.Generic.HashSet<T>":
            case "System.Collections.Generic.ISet<T>":
            case "System.Collections.Generic.IReadOnlySet<T>":
                return Collection(id, CollectionKind.HashSet, type.TypeArguments[0], path, out problem);
            case "System.Collections.Generic.Dictionary<TKey, TValue>":
            case "System.Collections.Generic.IDictionary<TKey, TValue>":
            case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                if (type.TypeArguments[0].SpecialType != SpecialType.System_String)
                {
                    problem = Unsupported(type, path, "dictionary keys must be strings (JSON property names)");
                    return null;
                }

                var value = Resolve(type.TypeArguments[1], path + "{}", out problem);
                return value is null ? null : Simple(id, JsonKind.Dictionary, false) with { ElementTypeId = value.TypeId, ElementIsNullable = value.IsNullable };
        }

        if (type.SpecialType == SpecialType.System_Object || type.TypeKind is RoslynTypeKind.Dynamic or RoslynTypeKind.Delegate
            or RoslynTypeKind.Pointer or RoslynTypeKind.FunctionPointer or RoslynTypeKind.Error)
        {
            problem = Unsupported(type, path, "it has no fixed JSON shape");
            return null;
        }

        if (type.TypeKind == RoslynTypeKind.Interface || type.IsAbstract)
        {
            problem = Unsupported(type, path, "interfaces and abstract types have no concrete shape to build");
            return null;
        }

        if (type.IsRefLikeType || IsInSystemNamespace(type) || type.IsUnboundGenericType || type.IsTupleType)
        {
            problem = Unsupported(type, path, "it is not in ToolGen's type table (see provider-rules.md)");
            return null;
        }

        if (type.TypeKind is not (RoslynTypeKind.Class or RoslynTypeKind.Struct))
        {
            problem = Unsupported(type, path, "it has no JSON shape");
            return null;
        }

        return Object(type, id, path, out problem);
    }

    private TypeSpec? Object(INamedTypeSymbol type, string id, string path, out string? problem)
    {
        problem = null;
        _inProgress.Add(id);
        try
        {
            var constructor = ChooseConstructor(type);
            var docs = DocComments.For(type, _cancellationToken);
            var members = new List<MemberSpec>();
            var properties = Properties(type);
            var parameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
            var claimed = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            foreach (var property in properties)
            {
                var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, System.StringComparison.OrdinalIgnoreCase));
                if (parameter is not null)
                {
                    claimed.Add(parameter);
                }

                // A member bound through a constructor parameter is read through that parameter, so it takes the
                // parameter's nullability (class P(string? value) { public string Value { get; } = value!; }).
                var readType = parameter is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type)
                    ? parameter.Type
                    : property.Type;
                var memberType = Resolve(readType, path + "." + property.Name, out problem);
                if (memberType is null)
                {
                    return null;
                }

                members.Add(Member(property, parameter, parameters.IndexOf(parameter!), memberType, docs));
            }

            foreach (var parameter in parameters.Where(p => !claimed.Contains(p)))
            {
                // A constructor parameter without a property: readable only by name, never written in results.
                var parameterType = Resolve(parameter.Type, path + "." + parameter.Name, out problem);
                if (parameterType is null)
                {
                    return null;
                }

                members.Add(Member(null, parameter, parameters.IndexOf(parameter), parameterType, docs));
            }

            string? description = AttributeReader.Description(type) ?? docs.Summary;
            return new TypeSpec(id, JsonKind.Object, type.IsValueType, null, false, CollectionKind.List,
                EquatableArray<EnumMemberSpec>.Empty, members.ToEquatableArray(), constructor is not null, description);
        }
        finally
        {
            _inProgress.Remove(id);
        }
    }

    private MemberSpec Member(IPropertySymbol? property, IParameterSymbol? parameter, int constructorIndex, TypeRef type, DocComments typeDocs)
    {
        ISymbol named = (ISymbol?)property ?? parameter!;
        string jsonName = (property is null ? null : AttributeReader.JsonPropertyName(property)) ?? NamingPolicy.CamelCase(named.Name);
        string? description = (property is null ? null : AttributeReader.Description(property))
            ?? (parameter is null ? null : AttributeReader.Description(parameter))
            ?? (property is null ? null : DocComments.For(property, _cancellationToken).Summary)
            ?? (parameter is null ? null : typeDocs.Parameter(parameter.Name));
        var constraints = AttributeReader.Constraints(property, parameter);

        if (parameter is not null)
        {
            bool hasDefault = parameter.HasExplicitDefaultValue;
            // [Required] wins over a C# default: the model must send the value.
            bool required = !hasDefault || constraints.IsRequired;
            string? defaultJson = hasDefault && !required ? ConstantFormatter.Json(parameter.ExplicitDefaultValue, parameter.Type) : null;
            string? defaultCSharp = hasDefault ? ConstantFormatter.CSharp(parameter.ExplicitDefaultValue, parameter.Type) : null;
            if (hasDefault && parameter.ExplicitDefaultValue is null && !parameter.Type.IsValueType)
            {
                // "= null" makes a reference parameter nullable even where annotations are off.
                type = type with { IsNullable = true };
            }

            if (!required)
            {
                _optionalValues.Add(new OptionalValue(parameter, parameter.ExplicitDefaultValue, true, parameter.Type, constraints));
            }

            return new MemberSpec(named.Name, jsonName, type, description, property?.GetMethod is not null,
                MemberInputRole.ConstructorParameter, constructorIndex, required, defaultCSharp, defaultJson, constraints);
        }

        var setter = property!.SetMethod;
        bool writable = setter is not null && setter.DeclaredAccessibility == Accessibility.Public;
        var role = !writable ? MemberInputRole.None : setter!.IsInitOnly ? MemberInputRole.InitOnly : MemberInputRole.Settable;
        var initializer = Initializer(property);
        bool hasInitializer = initializer is not null;
        bool nonNullableReference = !property.Type.IsValueType && property.NullableAnnotation != NullableAnnotation.Annotated;

        // Required when C# says so ('required', [Required]) or when leaving it out would leave a non-nullable reference
        // null. A member with an initializer is optional: left out, it keeps its initializer.
        bool memberRequired = property.IsRequired
            || constraints.IsRequired
            || (role != MemberInputRole.None && !hasInitializer && nonNullableReference);
        string? initializerJson = null;
        if (role != MemberInputRole.None && !memberRequired)
        {
            // The value the member keeps when absent: its initializer's constant, or default(T) without initializer.
            var constant = hasInitializer ? InitializerConstant(initializer!) : new Optional<object?>(null);
            if (hasInitializer && constant.HasValue)
            {
                initializerJson = ConstantFormatter.Json(constant.Value, property.Type);
            }

            if (constant.HasValue)
            {
                _optionalValues.Add(new OptionalValue(property, constant.Value, hasInitializer, property.Type, constraints));
            }
        }

        return new MemberSpec(property.Name, jsonName, type, description, true, role, -1, memberRequired, null, initializerJson, constraints, hasInitializer,
            property.ContainingType.ToDisplayString(FullNameFormat));
    }

    private EqualsValueClauseSyntax? Initializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(_cancellationToken)).OfType<PropertyDeclarationSyntax>()
            .Select(p => p.Initializer).FirstOrDefault(i => i is not null);

    /// <summary>The initializer's constant value after conversion to the member's type, if it is a constant.</summary>
    private Optional<object?> InitializerConstant(EqualsValueClauseSyntax initializer)
    {
        if (_compilation is null || !_compilation.ContainsSyntaxTree(initializer.SyntaxTree))
        {
            return default;
        }

        var model = _compilation.GetSemanticModel(initializer.SyntaxTree);
        var operation = model.GetOperation(initializer, _cancellationToken) as Microsoft.CodeAnalysis.Operations.IPropertyInitializerOperation;
        return operation?.Value.ConstantValue ?? default;
    }

    private static List<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        var result = new List<IPropertySymbol>();
        var seen = new HashSet<string>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is null || property.GetMethod.DeclaredAccessibility != Accessibility.Public
                    || AttributeReader.HasJsonIgnore(property) || property.Name == "EqualityContract" || !seen.Add(property.Name))
                {
                    continue;
                }

                result.Add(property);
            }
        }

        return result;
    }

    /// <summary>[JsonConstructor], else the only public constructor, else the parameterless one (STJ's rules).</summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type)
    {
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type))
            .ToList();
        var marked = candidates.FirstOrDefault(c => AttributeReader.Find(c, "System.Text.Json.Serialization.JsonConstructorAttribute") is not null);
        if (marked is not null)
        {
            return marked;
        }

        var explicitOnes = candidates.Where(c => !(c.IsImplicitlyDeclared && c.Parameters.Length == 0 && type.IsValueType)).ToList();
        if (explicitOnes.Count == 1)
        {
            return explicitOnes[0];
        }

        return candidates.FirstOrDefault(c => c.Parameters.Length == 0);
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private TypeSpec? Collection(string id, CollectionKind kind, ITypeSymbol element, string path, out string? problem)
    {
        var item = Resolve(element, path + "[]", out problem);
        return item is null ? null : Simple(id, JsonKind.Collection, false) with
        {
            ElementTypeId = item.TypeId,
            ElementIsNullable = item.IsNullable,
            CollectionKind = kind,
        };
    }

    private static TypeSpec Enum(string id, INamedTypeSymbol type)
    {
        var seenValues = new HashSet<object?>();
        var members = type.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMemberSpec(f.Name, EnumMemberJsonName(f), IsAlias: !seenValues.Add(f.ConstantValue)))
            .ToEquatableArray();
        return Simple(id, JsonKind.Enum, true) with
        {
            EnumMembers = members,
            Description = AttributeReader.Description(type),
        };
    }

    public static string EnumMemberJsonName(IFieldSymbol field) =>
        AttributeReader.Find(field, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute") is { } a
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string name
            ? name
            : field.Name;

    private static TypeSpec Simple(string id, JsonKind kind, bool isValueType) =>
        new(id, kind, isValueType, null, false, CollectionKind.List, EquatableArray<EnumMemberSpec>.Empty,
            EquatableArray<MemberSpec>.Empty, true, null);

    private static JsonKind? Scalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return JsonKind.String;
            case SpecialType.System_Boolean: return JsonKind.Boolean;
            case SpecialType.System_Byte: return JsonKind.Byte;
            case SpecialType.System_SByte: return JsonKind.SByte;
            case SpecialType.System_Int16: return JsonKind.Int16;
            case SpecialType.System_UInt16: return JsonKind.UInt16;
            case SpecialType.System_Int32: return JsonKind.Int32;
            case SpecialType.System_UInt32: return JsonKind.UInt32;
            case SpecialType.System_Int64: return JsonKind.Int64;
            case SpecialType.System_UInt64: return JsonKind.UInt64;
            case SpecialType.System_Single: return JsonKind.Single;
            case SpecialType.System_Double: return JsonKind.Double;
            case SpecialType.System_Decimal: return JsonKind.Decimal;
            case SpecialType.System_Char: return JsonKind.Char;
            case SpecialType.System_DateTime: return JsonKind.DateTime;
        }

        return type.ToDisplayString() switch
        {
            "System.DateTimeOffset" => JsonKind.DateTimeOffset,
            "System.DateOnly" => JsonKind.DateOnly,
            "System.TimeOnly" => JsonKind.TimeOnly,
            "System.TimeSpan" => JsonKind.TimeSpan,
            "System.Guid" => JsonKind.Guid,
            "System.Uri" => JsonKind.Uri,
            "System.Text.Json.JsonElement" => JsonKind.JsonElement,
            "System.Text.Json.Nodes.JsonNode" => JsonKind.JsonNode,
            _ => null,
        };
    }

    private static bool IsInSystemNamespace(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: false, Name: "System" or "Microsoft" };
    }

    private static string Unsupported(ITypeSymbol type, string path, string reason) =>
        $"'{type.ToDisplayString()}' at '{path}': {reason}";
}
