using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using global::ModelContextProtocol.Protocol;
using global::ModelContextProtocol.Server;

namespace ToolGen.ModelContextProtocol;

/// <summary>
/// A generated tool served over MCP: its <see cref="ProtocolTool"/> comes from the generated
/// <see cref="ToolDefinition"/>, and every call runs through a <see cref="ToolDispatcher"/> (argument validation,
/// timeouts, retries, error classification), with the request's services on the call
/// (<see cref="ToolCall.Services"/>) so tool classes registered by type are created in the request's scope.
/// </summary>
public sealed class ToolGenMcpServerTool : McpServerTool
{
    // Natural protocol tool -> its shape for clients before 2026-07-28, for the tools/list filter. Keyed by instance.
    private static readonly ConditionalWeakTable<Tool, Tool> LegacyTools = new();

    private readonly ToolDispatcher _dispatcher;
    private readonly Tool _tool;

    internal ToolGenMcpServerTool(ToolDispatcher dispatcher, ToolDefinition definition)
    {
        _dispatcher = dispatcher;
        Definition = definition;
        _tool = McpToolProtocol.Natural(definition);
        Tool legacy = McpToolProtocol.Legacy(_tool);
        if (!ReferenceEquals(legacy, _tool))
        {
            LegacyTools.AddOrUpdate(_tool, legacy);
        }
    }

    /// <summary>The generated definition this tool serves.</summary>
    public ToolDefinition Definition { get; }

    /// <summary>The dispatcher that runs its calls.</summary>
    public ToolDispatcher Dispatcher => _dispatcher;

    /// <inheritdoc />
    public override Tool ProtocolTool => _tool;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata { get; } = Array.Empty<object>();

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new ToolCall(request.JsonRpcRequest.Id.ToString() ?? string.Empty, Definition.Name, McpArguments.ToUtf8(request.Params?.Arguments))
        {
            Services = request.Services,
        };

        ToolResult result = await _dispatcher.DispatchAsync(call, cancellationToken).ConfigureAwait(false);
        if (result.ErrorKind == ToolErrorKind.Canceled && cancellationToken.IsCancellationRequested)
        {
            // The client cancelled the request (notifications/cancelled): like the SDK's own tools, no result is sent.
            throw new OperationCanceledException(cancellationToken);
        }

        return McpToolResults.From(result, _tool, request.Server.NegotiatedProtocolVersion);
    }

    /// <summary>The protocol tool as a client on <paramref name="protocolVersion"/> must see it.</summary>
    internal static Tool ForVersion(Tool tool, string? protocolVersion) =>
        !OutputSchemaWire.IsNatural(protocolVersion) && LegacyTools.TryGetValue(tool, out Tool? legacy) ? legacy : tool;
}
