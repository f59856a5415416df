using System;
using System.Collections.Generic;

namespace ToolGen;

/// <summary>
/// A tool class that can be created from services. The source generator implements it for every non-static,
/// non-abstract class with <see cref="ToolAttribute"/> methods and a public constructor: <see cref="Create"/> calls that
/// constructor with arguments taken from the services, in generated code (no reflection, safe under Native AOT and
/// trimming). Generic code reaches both members through the type alone, e.g. <see cref="PerCallToolSet{T}"/>.
/// </summary>
/// <typeparam name="TSelf">The tool class itself.</typeparam>
public interface IServiceToolSet<TSelf> : IToolSet
    where TSelf : class, IServiceToolSet<TSelf>
{
    /// <summary>The definitions of the class's tools (the generated <c>ToolDefinitions</c>).</summary>
    static abstract IReadOnlyList<ToolDefinition> ToolDefinitions { get; }

    /// <summary>
    /// Creates an instance: each constructor parameter is asked of <paramref name="services"/>; a parameter with a
    /// default value or a nullable one falls back to it when the service is missing, any other missing service throws a
    /// permanent <see cref="ToolException"/> naming it. The constructor with <c>[ActivatorUtilitiesConstructor]</c> is
    /// used, else the public one with the most parameters.
    /// </summary>
    static abstract TSelf Create(IServiceProvider services);
}
