using System;
using System.ComponentModel;

namespace ToolGen;

/// <summary>
/// Resolves service parameters (<see cref="FromServicesAttribute"/>, <c>[FromKeyedServices]</c>,
/// <see cref="IServiceProvider"/>) for generated code. A required service that cannot be had throws a permanent
/// <see cref="ToolException"/> whose message names the parameter and the type (never a value), so the model and the
/// developer get a clear result instead of a <see cref="NullReferenceException"/> inside the tool.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolServiceParameters
{
    /// <summary>The service for a required parameter.</summary>
    public static T Required<T>(ToolCall call, string parameter) =>
        Services(call, parameter).GetService(typeof(T)) is T service ? service : throw Missing<T>(call, parameter, key: null);

    /// <summary>The service for an optional parameter, or default when the call has no services or no such service.</summary>
    public static T? Optional<T>(ToolCall call, string parameter) =>
        call.Services?.GetService(typeof(T)) is T service ? service : default;

    /// <summary>The keyed service for a required parameter; <paramref name="resolve"/> performs the keyed look-up.</summary>
    public static T RequiredKeyed<T>(ToolCall call, string parameter, object? key, Func<IServiceProvider, object?, object?> resolve) =>
        resolve(Services(call, parameter), key) is T service ? service : throw Missing<T>(call, parameter, key);

    /// <summary>The keyed service for an optional parameter, or default.</summary>
    public static T? OptionalKeyed<T>(ToolCall call, string parameter, object? key, Func<IServiceProvider, object?, object?> resolve) =>
        call.Services is { } services && resolve(services, key) is T service ? service : default;

    /// <summary>The call's services, for a required <see cref="IServiceProvider"/> parameter.</summary>
    public static IServiceProvider RequiredProvider(ToolCall call, string parameter) => Services(call, parameter);

    /// <summary>The call's services, or null, for an optional <see cref="IServiceProvider"/> parameter.</summary>
    public static IServiceProvider? OptionalProvider(ToolCall call, string parameter) => call.Services;

    private static IServiceProvider Services(ToolCall call, string parameter)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Services ?? throw new ToolException(
            $"The tool '{call.Name}' needs services for its parameter '{parameter}', but the call carries none; dispatch it with ToolCall.Services set (the Microsoft.Extensions.AI adapter does).",
            ToolErrorCategory.Permanent);
    }

    private static ToolException Missing<T>(ToolCall call, string parameter, object? key) => new(
        key is null
            ? $"The tool '{call.Name}' needs a service of type '{typeof(T).Name}' for its parameter '{parameter}', which is not registered."
            : $"The tool '{call.Name}' needs a service of type '{typeof(T).Name}' with key '{key}' for its parameter '{parameter}', which is not registered.",
        ToolErrorCategory.Permanent);
}
