using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.IntegrationTests;

/// <summary>Runs one call through a generated tool set.</summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> Invoke(IToolSet tools, string name, string argumentsJson)
    {
        var result = await tools.InvokeAsync(new ToolCall("call_1", name, argumentsJson), CancellationToken.None);
        Assert.Equal("call_1", result.CallId);
        Assert.Equal(name, result.ToolName);
        return result;
    }

    public static async Task<string> Success(IToolSet tools, string name, string argumentsJson)
    {
        var result = await Invoke(tools, name, argumentsJson);
        Assert.True(result.IsSuccess, result.Content);
        return result.ResultJson!;
    }

    public static async Task<ToolResult> Failure(IToolSet tools, string name, string argumentsJson, ToolErrorKind kind)
    {
        var result = await Invoke(tools, name, argumentsJson);
        Assert.False(result.IsSuccess, result.Content);
        Assert.Equal(kind, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        return result;
    }
}
