using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

/// <summary>
/// Regression tests for what a stress run found: exceptions whose Message throws or is null, undefined categories,
/// absurdly nested aggregates, huge messages, options at their extremes, huge results. Every call still gets exactly
/// one result and nothing escapes the dispatcher.
/// </summary>
public sealed class HostileOutcomeTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcher Dispatcher(FakeToolSet set, Action<ToolDispatcherOptions>? configure = null)
    {
        var options = new ToolDispatcherOptions { TimeProvider = _clock, MaxAttempts = 1 };
        configure?.Invoke(options);
        return new ToolDispatcher(options, set);
    }

    private sealed class ThrowingMessageException(Exception? detail) : ToolException("unused", ToolErrorCategory.Transient)
    {
        public override string Message => $"API: {detail!.Message}"; // detail is null: the getter throws
    }

    private sealed class NullMessageException() : ToolException("unused", ToolErrorCategory.Permanent)
    {
        public override string Message => null!;
    }

    // A ToolException whose Message throws another ToolException: it once killed a batch worker in its last resort.
    private sealed class RecursiveMessageException() : ToolException("unused")
    {
        public override string Message => throw new ToolException("from the getter");
    }

    [Fact]
    public async Task An_exception_whose_message_getter_throws_is_a_result_with_its_category()
    {
        var set = new FakeToolSet().Throws("api", () => new ThrowingMessageException(null));

        ToolResult single = await Dispatcher(set).DispatchAsync(Call("api")).Guarded();
        IReadOnlyList<ToolResult> batch = await Dispatcher(set).DispatchAllAsync([Call("api")]).Guarded();

        foreach (ToolResult result in new[] { single, batch[0] })
        {
            Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
            Assert.Equal(ToolErrorCategory.Transient, result.Category);
            Assert.Equal("The tool failed with an internal error.", result.ErrorMessage);
        }
    }

    [Fact]
    public async Task An_exception_with_a_null_message_gets_the_generic_message()
    {
        var set = new FakeToolSet().Throws("api", () => new NullMessageException());

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("api")).Guarded();

        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        Assert.Equal("The tool failed with an internal error.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_batch_completes_when_a_message_getter_throws_a_tool_exception()
    {
        var set = new FakeToolSet().Throws("bad", () => new RecursiveMessageException()).Returns("ok", "1");

        IReadOnlyList<ToolResult> results = await Dispatcher(set).DispatchAllAsync([Call("bad", id: "a"), Call("ok", id: "b")]).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, results[0].ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, results[0].Category);
        Assert.True(results[1].IsSuccess);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(300)]
    [InlineData(-1)]
    public async Task A_classifier_returning_an_undefined_category_falls_through_to_the_built_in_rules(int category)
    {
        var set = new FakeToolSet().Throws("io", () => new System.IO.IOException("disk busy"));

        ToolResult result = await Dispatcher(set, o => o.Classifier = _ => (ToolErrorCategory)category).DispatchAsync(Call("io")).Guarded();

        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Contains("\"category\":\"transient\"", result.Content);
    }

    [Fact]
    public async Task A_tool_exception_with_an_undefined_category_is_unknown()
    {
        var set = new FakeToolSet().Throws("odd", () => new ToolException("odd", (ToolErrorCategory)42));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("odd")).Guarded();

        Assert.Equal(ToolErrorCategory.Unknown, result.Category);
    }

    [Fact]
    public async Task An_aggregate_nested_100000_levels_deep_does_not_overflow_the_stack()
    {
        Exception nested = new System.IO.IOException("innermost");
        for (int i = 0; i < 100_000; i++)
        {
            nested = new AggregateException(nested);
        }

        var set = new FakeToolSet().Throws("deep", () => nested);

        ToolResult result = await Dispatcher(set, o => o.IncludeExceptionMessages = true).DispatchAsync(Call("deep")).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Unknown, result.Category);
        Assert.Equal("The tool failed with an internal error.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_shallow_aggregate_is_judged_and_described_by_its_single_failure()
    {
        var set = new FakeToolSet().Throws("wrapped", () => new AggregateException(new AggregateException(new ToolException("Quota exceeded", ToolErrorCategory.Transient, TimeSpan.FromSeconds(5)))));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("wrapped")).Guarded();

        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal("Quota exceeded", result.ErrorMessage);
    }

    [Fact]
    public async Task A_ten_megabyte_message_is_cut_to_the_bound()
    {
        string huge = new('x', 10 * 1024 * 1024);
        var set = new FakeToolSet().Throws("loud", () => new ToolException(huge));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("loud")).Guarded();

        Assert.Equal(2048, result.ErrorMessage!.Length);
        Assert.EndsWith("… (message truncated)", result.ErrorMessage);
    }

    [Fact]
    public async Task By_default_exception_messages_are_not_sent_but_tool_exception_messages_are()
    {
        var set = new FakeToolSet()
            .Throws("db", () => new InvalidOperationException("login failed: password=hunter2"), annotations: new ToolAnnotations(readOnly: true))
            .Throws("quota", () => new ToolException("Quota exceeded, try tomorrow."));
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { TimeProvider = _clock, MaxAttempts = 1 }, set);

        ToolResult db = await dispatcher.DispatchAsync(Call("db")).Guarded();
        ToolResult quota = await dispatcher.DispatchAsync(Call("quota")).Guarded();

        Assert.False(new ToolDispatcherOptions().IncludeExceptionMessages);
        Assert.Equal(
            "{\"success\":false,\"error\":\"The tool failed with an internal error.\",\"error_type\":\"execution_error\",\"category\":\"unknown\"}",
            db.Content);
        Assert.Equal("Quota exceeded, try tomorrow.", quota.ErrorMessage);
    }

    [Fact]
    public async Task No_limit_spellings_of_the_timeout_and_delays_are_accepted_and_work()
    {
        int calls = 0;
        var set = new FakeToolSet().Add("flaky_async", async (call, token) =>
        {
            await Task.Yield();
            return ++calls == 1 ? throw new System.IO.IOException("reset") : ToolResult.Success(call, "1");
        });
        ToolDispatcher dispatcher = Dispatcher(set, o =>
        {
            o.DefaultTimeout = TimeSpan.MaxValue;
            o.MaxDelay = TimeSpan.MaxValue;
            o.BaseDelay = TimeSpan.FromSeconds(1);
            o.UseJitter = false;
            o.MaxAttempts = 2;
        });

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("flaky_async")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0); // the backoff delay: no timeout timer was armed at all
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Armed);
    }

    [Fact]
    public void A_base_delay_over_a_day_is_rejected_by_the_constructor()
    {
        var options = new ToolDispatcherOptions { BaseDelay = TimeSpan.FromDays(2), MaxDelay = TimeSpan.MaxValue };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(options, new FakeToolSet()));
    }

    [Fact]
    public async Task A_result_over_the_size_limit_is_an_error_saying_so()
    {
        string big = "\"" + new string('é', 600) + "\""; // 1,202 bytes of UTF-8 in 602 chars
        var set = new FakeToolSet().Returns("big", big).Returns("small", "\"ok\"");
        ToolDispatcher dispatcher = Dispatcher(set, o => o.MaxResultBytes = 1200);

        ToolResult tooBig = await dispatcher.DispatchAsync(Call("big")).Guarded();
        ToolResult small = await dispatcher.DispatchAsync(Call("small")).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, tooBig.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, tooBig.Category);
        Assert.Equal(
            "The result of 'big' is 1,202 bytes of JSON, over the limit of 1,200 bytes; ask for less (narrower criteria, fewer items, a page).",
            tooBig.ErrorMessage);
        Assert.True(small.IsSuccess);
        Assert.Equal(256 * 1024, new ToolDispatcherOptions().MaxResultBytes);
    }
}
