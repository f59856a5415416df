using System;
using System.Collections.Generic;
using System.Linq;
using ToolGen.Providers;
using ToolGen.ReliabilityTests.Corpus;
using Xunit.Abstractions;

namespace ToolGen.ReliabilityTests.Hostile;

/// <summary>
/// Every provider reader on hostile and random input: it returns calls or throws ProviderFormatException, nothing
/// else; the calls it returns dispatch to structured results.
/// </summary>
public class ProviderReaderFuzzTests(ITestOutputHelper output)
{
    public static readonly (string Name, Func<ReadOnlyMemory<byte>, IReadOnlyList<ToolCall>> Read)[] Readers =
    [
        ("OpenAI Chat", b => OpenAIChatCompletions.ReadToolCalls(b)),
        ("OpenAI Responses", b => OpenAIResponses.ReadToolCalls(b)),
        ("Anthropic", b => AnthropicMessages.ReadToolCalls(b)),
        ("Gemini", b => GeminiFunctions.ReadToolCalls(b)),
        ("MCP", b => [McpTools.ReadToolCall(b)]),
    ];

    [Fact]
    public async System.Threading.Tasks.Task Readers_throw_only_ProviderFormatException()
    {
        var dispatcher = new ToolDispatcher(new EchoTools());
        var inputs = HostilePayloads.Fixed().Select(f => f.Bytes)
            .Concat(Enumerable.Range(0, HostilePayloads.RandomBytesCases).Select(HostilePayloads.RandomBytes))
            .Concat(Enumerable.Range(0, HostilePayloads.RandomJsonCases * 2).Select(HostilePayloads.RandomJson))
            .ToArray();
        int cases = 0, calls = 0;
        foreach (var (name, read) in Readers)
        {
            foreach (byte[] input in inputs)
            {
                cases++;
                IReadOnlyList<ToolCall> read1;
                try
                {
                    read1 = read(input);
                }
                catch (ProviderFormatException)
                {
                    continue;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name} threw {e.GetType().Name}: {e.Message}\n  input (base64): {Convert.ToBase64String(input.Length > 2000 ? input[..2000] : input)}");
                    throw;
                }

                foreach (ToolCall call in read1)
                {
                    calls++;
                    DispatcherHostileInputTests.AssertStructured(await dispatcher.DispatchAsync(call), name, nameFromInput: true);
                }
            }
        }

        output.WriteLine($"{cases} reader cases ({inputs.Length} inputs x {Readers.Length} readers), {calls} calls read and dispatched");
    }
}
