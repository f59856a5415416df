using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;
using ToolGen.Providers;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// Copied verbatim into README.md between the markers (see MicrosoftExtensionsAISnippet).
internal static class McpSnippet
{
    public static async Task RunAsync(TextReader input, TextWriter output, CancellationToken ct)
    {
        // README:start MCP
        var dispatcher = new ToolDispatcher(new WeatherTools());
        while (await input.ReadLineAsync(ct) is { } line) // stdio transport: one JSON-RPC message per line
        {
            using JsonDocument message = JsonDocument.Parse(line);
            string? reply = message.RootElement.GetProperty("method").GetString() switch
            {
                "tools/list" => $$"""{"jsonrpc":"2.0","id":{{message.RootElement.GetProperty("id").GetRawText()}},"result":{{McpTools.WriteToolsList(dispatcher.Tools)}}}""",
                "tools/call" => McpTools.WriteCallResponse(await dispatcher.DispatchAsync(McpTools.ReadToolCall(line), ct)),
                _ => null, // initialize, ping, notifications: see the MCP specification
            };
            if (reply is not null)
            {
                await output.WriteLineAsync(reply);
            }
        }
        // README:end
    }
}
