using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ToolGen.ModelContextProtocol.Tests.Snippets;

/// <summary>The README's MCP server, compiled with the tests (ReadmeSnippetTests checks the README has it verbatim).</summary>
internal static class McpServerSnippet
{
    public static async Task RunAsync(string[] args)
    {
        // README:start MCP server
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout carries the protocol
        builder.Services
            .AddMcpServer()
            .WithStdioServerTransport()
            .WithToolGenTools(new WeatherTools()); // or .WithToolGenTools<WeatherTools>(): one per call, from the request's scope
        await builder.Build().RunAsync();
        // README:end
    }
}
