using System;
using System.ComponentModel;

namespace ToolGen;

/// <summary>Service look-ups for generated constructors (<see cref="IServiceToolSet{TSelf}.Create"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolServices
{
    /// <summary>The service of type <typeparamref name="T"/>; a permanent <see cref="ToolException"/> when missing.</summary>
    public static T GetRequired<T>(IServiceProvider services, string toolClass)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(T)) is T service)
        {
            return service;
        }

        // Permanent: retrying cannot register a service. The message names types only, no values.
        throw new ToolException($"The tool class '{toolClass}' needs a service of type '{typeof(T).Name}', which is not registered.");
    }

    /// <summary>The service of type <typeparamref name="T"/>, or <paramref name="fallback"/> when missing.</summary>
    public static T GetOrDefault<T>(IServiceProvider services, T fallback)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service ? service : fallback;
    }
}
