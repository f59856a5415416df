using System;
using System.Linq;
using global::ModelContextProtocol;
using global::ModelContextProtocol.Protocol;
using global::ModelContextProtocol.Server;
using ToolGen;
using ToolGen.ModelContextProtocol;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ToolGen tools on an MCP server: <c>AddMcpServer().WithToolGenTools(...)</c>.</summary>
public static class ToolGenMcpServerBuilderExtensions
{
    /// <summary>
    /// Serves the tools of <paramref name="dispatcher"/>: generated names, descriptions, input and output schemas, and
    /// every call through the dispatcher (its timeouts, retries and classification).
    /// </summary>
    public static IMcpServerBuilder WithToolGenTools(this IMcpServerBuilder builder, ToolDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dispatcher);
        builder.WithTools(dispatcher.AsMcpServerTools());
        return AddFiltersOnce(builder);
    }

    /// <summary>Serves tool sets (instances, or a static class's <c>ToolSet</c>) through a dispatcher with default options.</summary>
    public static IMcpServerBuilder WithToolGenTools(this IMcpServerBuilder builder, params IToolSet[] toolSets) =>
        builder.WithToolGenTools(new ToolDispatcher(toolSets));

    /// <summary>Serves tool sets through a dispatcher with <paramref name="options"/>.</summary>
    public static IMcpServerBuilder WithToolGenTools(this IMcpServerBuilder builder, ToolDispatcherOptions options, params IToolSet[] toolSets) =>
        builder.WithToolGenTools(new ToolDispatcher(options, toolSets));

    /// <summary>
    /// Serves the tools of the class <typeparamref name="T"/>, created per call from the request's services
    /// (<c>RequestContext.Services</c>, a scope per request) by the generated constructor call, so scoped services such
    /// as a <c>DbContext</c> work, in streamable HTTP mode too. Register the class's dependencies in the services.
    /// </summary>
    public static IMcpServerBuilder WithToolGenTools<T>(this IMcpServerBuilder builder, ToolDispatcherOptions? options = null)
        where T : class, IServiceToolSet<T> =>
        builder.WithToolGenTools(new ToolDispatcher(options ?? new ToolDispatcherOptions(), new PerCallToolSet<T>()));

    // One pair of filters per server, however many registrations.
    private static IMcpServerBuilder AddFiltersOnce(IMcpServerBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(FiltersAdded)))
        {
            return builder;
        }

        builder.Services.AddSingleton<FiltersAdded>();
        return builder.WithRequestFilters(filters =>
        {
            // tools/list: the SDK reshapes output schemas for clients before 2026-07-28 only for its own tools.
            filters.AddListToolsFilter(next => async (request, cancellationToken) =>
            {
                ListToolsResult result = await next(request, cancellationToken).ConfigureAwait(false);
                string? version = request.Server.NegotiatedProtocolVersion;
                for (int i = 0; i < result.Tools.Count; i++)
                {
                    result.Tools[i] = ToolGenMcpServerTool.ForVersion(result.Tools[i], version);
                }

                return result;
            });

            // tools/call of an unknown name: still the SDK's protocol error (-32602), with ToolGen's did-you-mean.
            filters.AddCallToolFilter(next => (request, cancellationToken) =>
            {
                if (request.MatchedPrimitive is null
                    && request.Server.ServerOptions.Handlers.CallToolHandler is null
                    && request.Server.ServerOptions.ToolCollection is { } tools)
                {
                    string name = request.Params?.Name ?? string.Empty;
                    throw new McpProtocolException(
                        ToolNameSuggester.FunctionNotFoundMessage(name, tools.PrimitiveNames),
                        McpErrorCode.InvalidParams);
                }

                return next(request, cancellationToken);
            });
        });
    }

    private sealed class FiltersAdded
    {
    }
}
