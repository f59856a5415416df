using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Load;

/// <summary>
/// Many dispatchers and many concurrent batches over ONE tool-set instance: generated parsers and writers keep no
/// shared mutable state, so every result echoes its own call's arguments and nothing else.
/// </summary>
public class SharedToolSetTests
{
    [Fact]
    public async Task Concurrent_batches_on_shared_tool_sets_never_mix_arguments()
    {
        var shared = new EchoTools();
        ToolDispatcher[] dispatchers = Enumerable.Range(0, 8).Select(_ => new ToolDispatcher(shared)).ToArray();

        Task<(ToolCall[] Calls, IReadOnlyList<ToolResult> Results)>[] batches = Enumerable.Range(0, 16).Select(async b =>
        {
            ToolCall[] calls = Enumerable.Range(0, 400).Select(i => Call(b, i)).ToArray();
            return (calls, await dispatchers[b % dispatchers.Length].DispatchAllAsync(calls));
        }).ToArray();

        foreach (var (calls, results) in await Task.WhenAll(batches))
        {
            for (int i = 0; i < calls.Length; i++)
            {
                Assert.True(results[i].IsSuccess, results[i].Content);
                using var sent = JsonDocument.Parse(calls[i].ArgumentsJson);
                using var got = JsonDocument.Parse(results[i].ResultJson!);
                foreach (JsonProperty p in sent.RootElement.EnumerateObject())
                {
                    Assert.Equal(p.Value.ToString(), got.RootElement.GetProperty(p.Name).ToString());
                }
            }
        }
    }

    private static ToolCall Call(int batch, int i)
    {
        string tag = string.Create(CultureInfo.InvariantCulture, $"b{batch}-i{i}");
        return (i % 3) switch
        {
            0 => new ToolCall(tag, "defaults", $"{{\"days\":{(batch * 1000) + i},\"label\":\"{tag}\"}}"),
            1 => new ToolCall(tag, "nullables", $"{{\"count\":{i},\"name\":\"{tag}\",\"unit\":null,\"when\":null,\"ratio\":{batch},\"id\":null,\"big\":{batch}}}"),
            _ => new ToolCall(tag, "strict_tool", $"{{\"city\":\"{tag}\",\"unit\":\"Fahrenheit\",\"address\":null}}"),
        };
    }
}
