using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Chat;
using ToolGen;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// Copied verbatim into README.md between the markers (see MicrosoftExtensionsAISnippet).
internal static class OpenAISnippet
{
    public static async Task<ChatCompletion> RunAsync(ChatClient chatClient, CancellationToken ct)
    {
        // README:start OpenAI SDK
        var dispatcher = new ToolDispatcher(new WeatherTools());
        var options = new ChatCompletionOptions();
        foreach (ToolDefinition tool in dispatcher.Tools)
        {
            BinaryData schema = BinaryData.FromBytes(tool.Strict ? tool.StrictInputSchemaUtf8 : tool.InputSchemaUtf8);
            options.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, schema, tool.Strict));
        }

        List<ChatMessage> messages = [new UserChatMessage("Weather in Paris and Rome?")];
        ChatCompletion completion = await chatClient.CompleteChatAsync(messages, options, ct);
        while (completion.FinishReason == ChatFinishReason.ToolCalls)
        {
            messages.Add(new AssistantChatMessage(completion));
            IReadOnlyList<ToolResult> results = await dispatcher.DispatchAllAsync( // in parallel; results in call order
                completion.ToolCalls.Select(c => new ToolCall(c.Id, c.FunctionName, c.FunctionArguments.ToMemory())), ct);
            messages.AddRange(results.Select(r => new ToolChatMessage(r.CallId, r.Content))); // errors too, as JSON
            completion = await chatClient.CompleteChatAsync(messages, options, ct);
        }
        // README:end
        return completion;
    }
}
