using System;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class DispatcherBasicsTests
{
    private readonly TestClock _clock = new();

    private ToolDispatcher Dispatcher(params IToolSet[] sets) => new(new ToolDispatcherOptions { TimeProvider = _clock, UseJitter = false }, sets);

    [Fact]
    public async Task Success_returns_the_tool_result_in_the_envelope_with_one_attempt()
    {
        var set = new FakeToolSet().Returns("get_weather", "{\"temp\":21}");

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("get_weather", id: "call_42")).Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal("call_42", result.CallId);
        Assert.Equal("{\"success\":true,\"result\":{\"temp\":21}}", result.Content);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public async Task Unknown_tool_gets_function_not_found_with_a_suggestion_from_any_set()
    {
        var weather = new FakeToolSet().Returns("get_weather", "1");
        var time = new FakeToolSet().Returns("get_time", "2");

        ToolResult result = await Dispatcher(weather, time).DispatchAsync(Call("get_tme")).Guarded();

        Assert.Equal(ToolErrorKind.FunctionNotFound, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        Assert.Equal(
            "{\"success\":false,\"error\":\"Unknown function 'get_tme'. Did you mean 'get_time'?\",\"error_type\":\"function_not_found\",\"category\":\"permanent\"}",
            result.Content);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(0, weather.Invocations("get_weather") + time.Invocations("get_time"));
    }

    [Fact]
    public async Task Unknown_tool_far_from_every_name_lists_the_available_ones()
    {
        var set = new FakeToolSet().Returns("get_weather", "1").Returns("get_time", "2");

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("send_email")).Guarded();

        Assert.Equal("Unknown function 'send_email'. Available functions: get_weather, get_time.", result.ErrorMessage);
    }

    [Theory]
    [InlineData(ToolErrorKind.MissingArgument, "{\"success\":false,\"error\":\"Missing required argument: city\",\"error_type\":\"missing_argument\",\"category\":\"permanent\"}")]
    [InlineData(ToolErrorKind.InvalidArguments, "{\"success\":false,\"error\":\"Missing required argument: city\",\"error_type\":\"invalid_arguments\",\"category\":\"permanent\"}")]
    public async Task Failures_of_the_tool_set_come_back_as_they_are_and_are_never_retried(ToolErrorKind kind, string content)
    {
        var set = new FakeToolSet().Add("get_weather", (call, _) => new ValueTask<ToolResult>(
            ToolResult.Failure(call, kind, ToolErrorCategory.Permanent, "Missing required argument: city")));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("get_weather", "{}")).Guarded();

        Assert.Equal(kind, result.ErrorKind);
        Assert.Equal(content, result.Content);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, set.Invocations("get_weather"));
    }

    [Fact]
    public async Task A_tool_set_failure_marked_transient_is_still_not_retried()
    {
        var set = new FakeToolSet().Add("get_weather", (call, _) => new ValueTask<ToolResult>(
            ToolResult.Failure(call, ToolErrorKind.InvalidArguments, ToolErrorCategory.Transient, "odd set")));

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("get_weather")).Guarded();

        Assert.Equal(1, set.Invocations("get_weather"));
        Assert.Equal(1, result.Attempts);
        Assert.Empty(_clock.Armed);
    }

    [Fact]
    public void Duplicate_tool_names_across_sets_throw_with_both_owners_named()
    {
        var first = new FakeToolSet().Returns("get_weather", "1");
        var second = new SecondSet();

        var error = Assert.Throws<ArgumentException>(() => new ToolDispatcher(first, second));

        Assert.Contains("'get_weather'", error.Message);
        Assert.Contains(nameof(FakeToolSet), error.Message);
        Assert.Contains(nameof(SecondSet), error.Message);
    }

    [Fact]
    public void Tools_lists_every_definition_set_by_set()
    {
        var a = new FakeToolSet().Returns("a", "1").Returns("b", "2");
        var c = new FakeToolSet().Returns("c", "3");

        Assert.Equal(["a", "b", "c"], new ToolDispatcher(a, c).Tools.Select(t => t.Name));
    }

    [Fact]
    public void A_pipeline_for_an_unknown_tool_is_a_configuration_error()
    {
        var options = new ToolDispatcherOptions().PipelineFor("nope", Polly.ResiliencePipeline.Empty);

        var error = Assert.Throws<ArgumentException>(() => new ToolDispatcher(options, new FakeToolSet().Returns("a", "1")));
        Assert.Contains("'nope'", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Invalid_options_are_rejected(int maxAttempts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(new ToolDispatcherOptions { MaxAttempts = maxAttempts }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolDispatcher(new ToolDispatcherOptions { MaxConcurrency = maxAttempts }));
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var options = new ToolDispatcherOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.DefaultTimeout);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.True(options.UseJitter);
        Assert.Equal(16, options.MaxConcurrency);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.False(options.IncludeExceptionMessages);
        Assert.False(options.RetryNonIdempotentTools);
        Assert.Equal(64, options.MaxToolThreads);
        Assert.Equal(256 * 1024, options.MaxResultBytes);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.DefaultDeadline);
        Assert.Null(options.Classifier);
        Assert.Null(options.Pipeline);
    }

    private sealed class SecondSet : IToolSet
    {
        public System.Collections.Generic.IReadOnlyList<ToolDefinition> Tools { get; } = [FakeToolSet.Definition("get_weather")];

        public ValueTask<ToolResult> InvokeAsync(ToolCall call, System.Threading.CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
