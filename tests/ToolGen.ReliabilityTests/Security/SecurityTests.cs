using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.ReliabilityTests.Corpus;
using ToolGen.ReliabilityTests.Infrastructure;
using ToolGen.Serialization;

namespace ToolGen.ReliabilityTests.Security;

/// <summary>
/// What a hostile model can learn or reach: error content carries no stack trace, path or exception data, and no
/// message at all for non-ToolException errors when IncludeExceptionMessages is false; only [Tool] methods are
/// reachable, by their exact name; the size and depth limits hold before anything proportional is allocated.
/// </summary>
public class SecurityTests
{
    private static IToolSet ToolSet => LeakyTools.ToolSet;

    [Theory]
    [InlineData("io")]
    [InlineData("data")]
    [InlineData("inner")]
    [InlineData("null")]
    public async Task Errors_carry_at_most_the_message(string kind)
    {
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { IncludeExceptionMessages = true }, ToolSet);
        ToolResult result = await dispatcher.DispatchAsync(new ToolCall("c", "leaky", $"{{\"kind\":\"{kind}\"}}"));
        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        AssertNoInternals(result.Content);
        Assert.DoesNotContain("hunter2", result.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("inner secret", result.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("io")]
    [InlineData("data")]
    [InlineData("inner")]
    [InlineData("null")]
    public async Task Without_exception_messages_only_a_generic_message_is_sent(string kind)
    {
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { IncludeExceptionMessages = false }, ToolSet);
        ToolResult result = await dispatcher.DispatchAsync(new ToolCall("c", "leaky", $"{{\"kind\":\"{kind}\"}}"));
        // The generic message, then (the tool has side effects) the note that the failed call may have taken effect.
        Assert.StartsWith("The tool failed with an internal error.", result.ErrorMessage);
        Assert.DoesNotContain("secret", result.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("db failed", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolException_messages_are_kept_even_without_exception_messages()
    {
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { IncludeExceptionMessages = false }, ToolSet);
        ToolResult result = await dispatcher.DispatchAsync(new ToolCall("c", "leaky", "{\"kind\":\"tool\"}"));
        Assert.Equal("Quota exceeded, try tomorrow.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("Hidden")]
    [InlineData("LEAKY")]
    [InlineData("Leaky")]
    [InlineData("leak")]
    [InlineData("leaky ")]
    [InlineData(" leaky")]
    [InlineData("leaky\0")]
    [InlineData("leakY")]
    [InlineData("lеaky")] // Cyrillic 'е'
    [InlineData("to_string")]
    [InlineData("get_type")]
    [InlineData("invoke_async")]
    [InlineData("")]
    public async Task Only_tool_methods_are_reachable_and_only_by_exact_name(string name)
    {
        var dispatcher = new ToolDispatcher(ToolSet, new EchoTools());
        ToolResult viaDispatcher = await dispatcher.DispatchAsync(new ToolCall("c", name, "{\"kind\":\"tool\",\"n\":1}"));
        ToolResult viaSet = await ToolSet.InvokeAsync(new ToolCall("c", name, "{\"n\":1}"), CancellationToken.None);
        Assert.Equal(ToolErrorKind.FunctionNotFound, viaDispatcher.ErrorKind);
        Assert.Equal(ToolErrorKind.FunctionNotFound, viaSet.ErrorKind);
        Assert.Equal(["leaky"], ToolSet.Tools.Select(t => t.Name));
    }

    [Fact]
    public void Size_limit_is_checked_before_anything_proportional_is_allocated()
    {
        // The payload already exists (the caller owns it); the parser must not copy or decode it.
        byte[] payload = new byte[ToolArgumentLimits.MaxBytes + 1];
        Array.Fill(payload, (byte)' ');
        payload[0] = (byte)'{';
        var call = new ToolCall("c", "scalars", payload);
        IToolSet tools = new EchoTools();
        (ToolResult result, long allocated) = SyncAllocation.Of(() => tools.InvokeAsync(call, CancellationToken.None), "4 MiB + 1");
        Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
        Assert.Contains("too large", result.ErrorMessage, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes");
    }

    [Theory]
    [InlineData(65, false)]
    [InlineData(64, true)]
    public void Depth_limit_is_64_including_the_root(int depth, bool accepted)
    {
        // "any" takes any JSON: the only thing that can reject this payload is the depth limit.
        string value = new string('[', depth - 1) + new string(']', depth - 1);
        IToolSet tools = new EchoTools();
        var call = new ToolCall("c", "any", $"{{\"value\":{value},\"node\":null}}");
        (ToolResult result, long allocated) = SyncAllocation.Of(() => tools.InvokeAsync(call, CancellationToken.None), $"depth {depth}");
        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            Assert.Equal(ToolErrorKind.InvalidArguments, result.ErrorKind);
            Assert.True(allocated < 16 * 1024, $"{allocated} bytes");
        }
    }

    private static void AssertNoInternals(string content)
    {
        Assert.DoesNotContain("   at ", content, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", content, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", content, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", content, StringComparison.Ordinal);
    }
}

/// <summary>A tool whose exceptions carry paths, data and inner exceptions the model must never see.</summary>
public static partial class LeakyTools
{
    [Tool(MaxAttempts = 1)]
    public static int Leaky(string kind) => kind switch
    {
        "io" => throw new FileNotFoundException("Could not find file '/etc/secret/key.pem'.", "/etc/secret/key.pem"),
        "data" => throw Tagged(),
        "inner" => throw new InvalidOperationException("outer", new Exception("inner secret")),
        "tool" => throw new ToolException("Quota exceeded, try tomorrow.", ToolErrorCategory.Permanent),
        _ => throw new NullReferenceException(),
    };

    // Not a tool: public, static, same class — must not be reachable by name.
    public static int Hidden(int n) => n;

    private static Exception Tagged()
    {
        var e = new InvalidOperationException("db failed");
        e.Data["connection"] = "Server=db;Password=hunter2";
        return e;
    }

}
