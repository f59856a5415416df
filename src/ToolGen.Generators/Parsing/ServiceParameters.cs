using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ToolGen.Generators.Model;

namespace ToolGen.Generators.Parsing;

/// <summary>
/// Recognises tool parameters that come from the call's services instead of the model: <c>IServiceProvider</c>,
/// <c>[FromServices]</c> (ToolGen's, or any attribute of that name such as ASP.NET Core's) and
/// Microsoft.Extensions.DependencyInjection's <c>[FromKeyedServices(key)]</c>. Also knows the service types a user is
/// likely to take without a marker (TG0020).
/// </summary>
internal static class ServiceParameters
{
    private const string KeyedAttribute = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";

    // Types that are services, never JSON: a parameter of one of these without a marker is a forgotten [FromServices].
    private static readonly string[] KnownServiceTypes =
    [
        "Microsoft.Extensions.Logging.ILogger",
        "Microsoft.Extensions.Logging.ILogger<TCategoryName>",
        "Microsoft.Extensions.Logging.ILoggerFactory",
        "System.Net.Http.HttpClient",
        "System.Net.Http.IHttpClientFactory",
        "Microsoft.Extensions.Configuration.IConfiguration",
        "Microsoft.Extensions.Options.IOptions<TOptions>",
        "Microsoft.Extensions.Options.IOptionsSnapshot<TOptions>",
        "Microsoft.Extensions.Options.IOptionsMonitor<TOptions>",
        "Microsoft.Extensions.Caching.Memory.IMemoryCache",
        "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory",
        "System.TimeProvider",
    ];

    /// <summary>The service this parameter is resolved as, or null when the model supplies it.</summary>
    public static ServiceSpec? Read(IParameterSymbol parameter)
    {
        string typeName = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
            .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        bool optional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated;
        string? fallback = parameter.HasExplicitDefaultValue ? "default" : null;
        if (parameter.Type.ToDisplayString() == "System.IServiceProvider")
        {
            return new ServiceSpec(typeName, ServiceKind.Provider, null, optional, fallback);
        }

        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name == KeyedAttribute)
            {
                string key = attribute.ConstructorArguments is [{ Kind: not TypedConstantKind.Array, Type: { } keyType } argument]
                    ? ConstantFormatter.CSharp(argument.Value, keyType)
                    : "null";
                return new ServiceSpec(typeName, ServiceKind.Keyed, key, optional, fallback);
            }

            if (attribute.AttributeClass?.Name == "FromServicesAttribute")
            {
                return new ServiceSpec(typeName, ServiceKind.Service, null, optional, fallback);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is (or derives from) a type that is always a service.</summary>
    public static bool IsKnownServiceType(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Matches(current))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(Matches);
    }

    private static bool Matches(ITypeSymbol type)
    {
        string name = type is INamedTypeSymbol { IsGenericType: true } generic
            ? generic.ConstructedFrom.ToDisplayString()
            : type.ToDisplayString();
        return Array.IndexOf(KnownServiceTypes, name) >= 0 || name == "Microsoft.EntityFrameworkCore.DbContext";
    }
}
