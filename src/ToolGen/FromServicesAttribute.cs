using System;

namespace ToolGen;

/// <summary>
/// Marks a tool parameter that is resolved from the call's services (<see cref="ToolCall.Services"/>) instead of the
/// model's arguments: it is left out of the schema, and the generated code asks the services for it on every call. A
/// parameter with a default value or a nullable type gets that default when the service is missing; any other missing
/// service fails the call with a permanent <c>execution_error</c> naming it. <c>IServiceProvider</c> parameters need no
/// marker, and Microsoft.Extensions.DependencyInjection's <c>[FromKeyedServices(key)]</c> works the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FromServicesAttribute : Attribute
{
}
