using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Models.Messages;
using ToolGen;
using ToolGen.Providers;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// Copied verbatim into README.md between the markers (see MicrosoftExtensionsAISnippet).
internal static class AnthropicSnippet
{
    public static async Task<Message> RunAsync(AnthropicClient client, CancellationToken ct)
    {
        // README:start Anthropic SDK
        var dispatcher = new ToolDispatcher(new WeatherTools());
        List<ToolUnion> tools = [.. dispatcher.Tools.Select(t => (ToolUnion)new Tool
        {
            Name = t.Name,
            Description = t.Description,
            InputSchema = JsonSerializer.Deserialize<InputSchema>(t.InputSchemaUtf8.Span)!,
        })];
        List<MessageParam> messages = [new UserMessageParam("Weather in Paris and Rome?")];
        MessageCreateParams Request() => new() { Model = "claude-sonnet-4-5", MaxTokens = 1024, Tools = tools, Messages = [.. messages] };

        Message response = await client.Messages.Create(Request(), ct);
        while (response.StopReason == StopReason.ToolUse)
        {
            string content = JsonSerializer.Serialize(response.Content); // the assistant's blocks, as received
            IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync(AnthropicMessages.ReadToolCalls(content), ct);
            messages.Add(new AssistantMessageParam(JsonSerializer.Deserialize<List<ContentBlockParam>>(content)!));
            messages.Add(new UserMessageParam(results // ONE user message with every tool_result, in order
                .Select(r => (ContentBlockParam)new ToolResultBlockParam(r.CallId) { Content = r.Content, IsError = !r.IsSuccess })
                .ToList()));
            response = await client.Messages.Create(Request(), ct);
        }
        // README:end
        return response;
    }
}
