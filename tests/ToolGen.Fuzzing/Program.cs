using System;
using System.IO;
using System.Threading;
using SharpFuzz;
using ToolGen;
using ToolGen.Providers;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.Fuzzing;

/// <summary>
/// One target per run (the first argument). Every input must end in a result or in the target's documented
/// exception (ProviderFormatException for the readers); anything else escapes and AFL++ records a crash.
/// </summary>
public static class Program
{
    private static readonly IToolSet s_tools = new EchoTools();

    public static int Main(string[] args)
    {
        string target = args.Length > 0 ? args[0] : "parser";
        Action<ReadOnlyMemory<byte>> run = target switch
        {
            "parser" => Parser,
            "openai-chat" => bytes => Reader(() => OpenAIChatCompletions.ReadToolCalls(bytes)),
            "openai-responses" => bytes => Reader(() => OpenAIResponses.ReadToolCalls(bytes)),
            "anthropic" => bytes => Reader(() => AnthropicMessages.ReadToolCalls(bytes)),
            "gemini" => bytes => Reader(() => GeminiFunctions.ReadToolCalls(bytes)),
            "mcp" => bytes => Reader(() => [McpTools.ReadToolCall(bytes)]),
            _ => throw new ArgumentException($"unknown target '{target}'"),
        };

        if (args.Length > 1)
        {
            // Replay one input (a crash AFL++ saved) without the fuzzer: build/fuzz.sh --replay.
            run(File.ReadAllBytes(args[1]));
            return 0;
        }

        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            run(buffer.ToArray());
        });
        return 0;
    }

    private static void Parser(ReadOnlyMemory<byte> bytes)
    {
        // The generated parser must turn every input into a result; the tool itself echoes and never throws.
        ToolResult result = s_tools.InvokeAsync(new ToolCall("c", "place_order", bytes), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        _ = result.Content;
    }

    private static void Reader(Func<System.Collections.Generic.IReadOnlyList<ToolCall>> read)
    {
        try
        {
            foreach (ToolCall call in read())
            {
                _ = s_tools.InvokeAsync(call, CancellationToken.None).AsTask().GetAwaiter().GetResult().Content;
            }
        }
        catch (ProviderFormatException)
        {
            // documented outcome for malformed provider JSON
        }
    }
}
