using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen;
using ToolGen.Extensions.AI;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// The code between the README markers is copied verbatim into README.md ("Use with…"); ReadmeTests keeps them equal,
// and the provider tests run it against the loopback server.
internal static class MicrosoftExtensionsAISnippet
{
    public static async Task<ChatResponse> RunAsync(IChatClient chatClient, CancellationToken ct)
    {
        // README:start Microsoft.Extensions.AI
        var dispatcher = new ToolDispatcher(new WeatherTools());
        IChatClient client = chatClient.AsBuilder().UseToolGen(dispatcher).Build(); // e.g. openAIChatClient.AsIChatClient()
        var options = new ChatOptions { Tools = dispatcher.AsAIFunctions() };       // generated names, descriptions, schemas
        ChatResponse response = await client.GetResponseAsync("Weather in Paris and Rome?", options, ct);
        // README:end
        return response;
    }
}
