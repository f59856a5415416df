using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;
using ToolGen.Providers;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// Copied verbatim into README.md between the markers (see MicrosoftExtensionsAISnippet).
internal static class RawHttpSnippet
{
    public static async Task<string> RunAsync(HttpClient http, CancellationToken ct)
    {
        // README:start raw HTTP
        var dispatcher = new ToolDispatcher(new WeatherTools());
        string tools = OpenAIChatCompletions.WriteTools(dispatcher.Tools);
        string body = $$"""{"model":"gpt-4o","messages":[{"role":"user","content":"Weather in Paris?"}],"tools":{{tools}}}""";
        using var request = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("v1/chat/completions", request, ct);
        string completion = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync(ct);
        IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync(OpenAIChatCompletions.ReadToolCalls(completion), ct);
        string toolMessages = OpenAIChatCompletions.WriteToolMessages(results); // append with the assistant message, post again
        // README:end
        return toolMessages;
    }
}
