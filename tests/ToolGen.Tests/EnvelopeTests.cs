using System;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class EnvelopeTests
{
    private static ToolDispatcher Dispatcher(FakeToolSet set, bool includeMessages = true) => new(
        new ToolDispatcherOptions { TimeProvider = new TestClock(), MaxAttempts = 1, IncludeExceptionMessages = includeMessages },
        set);

    [Fact]
    public async Task Execution_errors_carry_the_exception_message_escaped_as_json()
    {
        var set = new FakeToolSet().Throws("quote", () => new InvalidOperationException("Café \"Zur Post\" is closed"));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("quote")).Guarded();

        Assert.Equal(
            "{\"success\":false,\"error\":\"Café \\\"Zur Post\\\" is closed\",\"error_type\":\"execution_error\",\"category\":\"unknown\"}",
            result.Content);
    }

    [Fact]
    public async Task Without_exception_messages_execution_errors_get_a_generic_message()
    {
        var set = new FakeToolSet().Throws("db", () => new InvalidOperationException("password=hunter2 rejected by 10.0.0.7"));

        ToolResult result = await Dispatcher(set, includeMessages: false).DispatchAsync(Call("db")).Guarded();

        Assert.Equal(
            "{\"success\":false,\"error\":\"The tool failed with an internal error.\",\"error_type\":\"execution_error\",\"category\":\"unknown\"}",
            result.Content);
    }

    [Fact]
    public async Task Tool_exception_messages_are_always_kept()
    {
        var set = new FakeToolSet().Throws("book", () => new ToolException("The room is already booked; pick another slot.", ToolErrorCategory.Permanent));

        ToolResult result = await Dispatcher(set, includeMessages: false).DispatchAsync(Call("book")).Guarded();

        Assert.Equal(
            "{\"success\":false,\"error\":\"The room is already booked; pick another slot.\",\"error_type\":\"execution_error\",\"category\":\"permanent\"}",
            result.Content);
    }

    [Fact]
    public async Task Content_never_holds_a_stack_trace()
    {
        var set = new FakeToolSet().Add("deep", async (_, _) =>
        {
            await Task.Yield();
            return Thrower.Throw();
        }, timeoutMilliseconds: -1);

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("deep")).Guarded();

        Assert.Equal("{\"success\":false,\"error\":\"deep failure\",\"error_type\":\"execution_error\",\"category\":\"unknown\"}", result.Content);
        Assert.DoesNotContain(" at ", result.Content);
        Assert.DoesNotContain(nameof(Thrower), result.Content);
    }

    [Fact]
    public async Task An_empty_exception_message_is_replaced()
    {
        var set = new FakeToolSet().Throws("mute", () => new ToolException(" ", ToolErrorCategory.Unknown));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("mute")).Guarded();

        Assert.Equal("The tool failed with an internal error.", result.ErrorMessage);
    }

    [Fact]
    public async Task Void_and_string_results_are_embedded_as_json_values()
    {
        var set = new FakeToolSet().Returns("nothing", "null").Returns("text", "\"héllo\"");
        var dispatcher = Dispatcher(set);

        Assert.Equal("{\"success\":true,\"result\":null}", (await dispatcher.DispatchAsync(Call("nothing")).Guarded()).Content);
        Assert.Equal("{\"success\":true,\"result\":\"héllo\"}", (await dispatcher.DispatchAsync(Call("text")).Guarded()).Content);
    }

    private static class Thrower
    {
        public static ToolResult Throw() => throw new InvalidOperationException("deep failure");
    }
}
