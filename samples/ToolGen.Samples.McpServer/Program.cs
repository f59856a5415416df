using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ToolGen;
using ToolGen.Samples.McpServer;

// A stdio MCP server: the client starts this process and speaks JSON-RPC on its stdin/stdout.
var builder = Host.CreateApplicationBuilder(args);

// stdout carries the protocol, so every log line goes to stderr.
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

builder.Services.AddSingleton<Inventory>();            // the shop's data, shared by every call
builder.Services.AddScoped<AuditLog>();                // one per request: the MCP server opens a scope per call

builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    // InventoryTools is created per call from the request's scope, by generated code (no reflection).
    .WithToolGenTools<InventoryTools>(new ToolDispatcherOptions { DefaultTimeout = TimeSpan.FromSeconds(10) });

await builder.Build().RunAsync();
