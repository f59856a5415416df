using System;
using Xunit;

namespace ToolGen.Tests;

/// <summary>The result object itself: what each factory sets, and the values it refuses.</summary>
public sealed class ToolResultTests
{
    private static readonly ToolCall Call = new("call_1", "get_weather", "{}");

    [Fact]
    public void A_success_carries_its_json_and_no_error()
    {
        var result = ToolResult.Success(Call, "{\"t\":21}");

        Assert.True(result.IsSuccess);
        Assert.Equal(("call_1", "get_weather"), (result.CallId, result.ToolName));
        Assert.Equal("{\"t\":21}", result.ResultJson);
        Assert.Null(result.ErrorMessage);
        Assert.Equal((ToolErrorKind.None, ToolErrorCategory.None), (result.ErrorKind, result.Category));
        Assert.Equal("{\"success\":true,\"result\":{\"t\":21}}", result.Content);
    }

    [Fact]
    public void A_failure_carries_its_message_kind_and_category_and_no_json()
    {
        var result = ToolResult.Failure(Call, ToolErrorKind.Timeout, ToolErrorCategory.Transient, "took too long");

        Assert.False(result.IsSuccess);
        Assert.Null(result.ResultJson);
        Assert.Equal("took too long", result.ErrorMessage);
        Assert.Equal((ToolErrorKind.Timeout, ToolErrorCategory.Transient), (result.ErrorKind, result.Category));
        Assert.Equal("timeout", result.ErrorType);
    }

    [Fact]
    public void Kinds_and_categories_outside_a_byte_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ToolResult.Failure(Call, (ToolErrorKind)256, ToolErrorCategory.Permanent, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ToolResult.Failure(Call, ToolErrorKind.Timeout, (ToolErrorCategory)(-1), "x"));
        Assert.Throws<ArgumentException>(() => ToolResult.Failure(Call, ToolErrorKind.None, ToolErrorCategory.Permanent, "x"));
    }
}
