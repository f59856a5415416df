using System;
using System.Text.Json;
using System.Threading.Tasks;
using ToolGen.ReliabilityTests.Corpus;

namespace ToolGen.ReliabilityTests.Hostile;

/// <summary>
/// The README's "results deeper than 64 levels (or cyclic) fail instead of overflowing the stack", through generated
/// result-writing code and the dispatcher: 64 levels are written, 65 and a cycle end in an execution error result.
/// </summary>
public class DeepResultTests
{
    private readonly ToolDispatcher _dispatcher = new(DeepResultTools.ToolSet);

    [Fact]
    public async Task A_result_64_levels_deep_is_written()
    {
        ToolResult result = await _dispatcher.DispatchAsync(new ToolCall("c", "chain", """{"levels":64}"""));
        Assert.True(result.IsSuccess, result.Content);
        using var json = JsonDocument.Parse(result.ResultJson!);
        JsonElement link = json.RootElement;
        int depth = 1;
        while (link.GetProperty("next").ValueKind == JsonValueKind.Object)
        {
            link = link.GetProperty("next");
            depth++;
        }

        Assert.Equal(64, depth);
        Assert.Equal(64, link.GetProperty("level").GetInt32());
    }

    [Theory]
    [InlineData("chain", """{"levels":65}""")]
    [InlineData("chain", """{"levels":100000}""")]
    [InlineData("cycle", "{}")]
    public async Task Deeper_or_cyclic_results_fail_as_results(string tool, string arguments)
    {
        ToolResult result = await _dispatcher.DispatchAsync(new ToolCall("c", tool, arguments));
        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.DoesNotContain("   at ", result.Content, StringComparison.Ordinal);
        using var content = JsonDocument.Parse(result.Content);
        Assert.False(content.RootElement.GetProperty("success").GetBoolean());
    }
}
