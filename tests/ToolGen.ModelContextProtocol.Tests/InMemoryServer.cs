using System;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>An MCP server and the SDK's own client, connected by in-memory pipes (no process, no network).</summary>
internal sealed class InMemoryServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider? _services;
    private Task _run = Task.CompletedTask;

    private InMemoryServer()
    {
    }

    public McpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _services!;

    public static async Task<InMemoryServer> StartAsync(Action<IServiceCollection, IMcpServerBuilder> configure, string? protocolVersion = null)
    {
        var server = new InMemoryServer();
        var services = new ServiceCollection();
        IMcpServerBuilder builder = services.AddMcpServer()
            .WithStreamServerTransport(server._clientToServer.Reader.AsStream(), server._serverToClient.Writer.AsStream());
        configure(services, builder);
        server._services = services.BuildServiceProvider(validateScopes: true);
        server._run = server._services.GetRequiredService<McpServer>().RunAsync(server._stop.Token);
        server.Client = await McpClient.CreateAsync(
            new StreamClientTransport(server._clientToServer.Writer.AsStream(), server._serverToClient.Reader.AsStream()),
            // The version is pinned (by default the newest) and the probe untimed: the client's fallback after a 5 s
            // discovery probe would otherwise change the negotiated version on a loaded machine.
            new McpClientOptions { ProtocolVersion = protocolVersion ?? "2026-07-28", DiscoverProbeTimeout = Timeout.InfiniteTimeSpan });
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _stop.Dispose();
    }
}
