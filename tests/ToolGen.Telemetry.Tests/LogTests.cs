using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Telemetry.Tests;

public sealed class LogTests
{
    private readonly TestClock _clock = new();
    private readonly FakeLogCollector _logs = new();

    private ToolDispatcher Dispatcher(IToolSet set, bool sensitive = false) => new(
        new ToolDispatcherOptions
        {
            TimeProvider = _clock,
            UseJitter = false,
            LoggerFactory = new FakeLoggerFactory(_logs),
            EnableSensitiveData = sensitive,
        },
        set);

    private IReadOnlyList<FakeLogRecord> Records => _logs.GetSnapshot();

    [Fact]
    public async Task Every_call_is_one_debug_record_in_the_dispatchers_category_without_argument_values()
    {
        ToolDispatcher dispatcher = Dispatcher(new TelemetryTools());

        await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Reykjavik"}""", id: "call_1")).Guarded();
        await dispatcher.DispatchAsync(Call("convert", """{"amount":1}""", id: "call_2")).Guarded();

        Assert.Equal(2, Records.Count);
        Assert.All(Records, r => Assert.Equal(LogLevel.Debug, r.Level));
        Assert.All(Records, r => Assert.Equal("ToolGen.ToolDispatcher", r.Category));
        Assert.Equal("Tool call call_1 to get_weather succeeded in 0 ms after 1 attempt(s).", Records[0].Message);
        Assert.Equal("Tool call call_2 to convert failed with missing_argument (permanent) in 0 ms after 1 attempt(s).", Records[1].Message);
        Assert.Equal("missing_argument", Records[1].GetStructuredStateValue("ErrorType"));
        Assert.DoesNotContain(Records, r => r.Message.Contains("Reykjavik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arguments_and_results_are_logged_only_with_sensitive_data_enabled()
    {
        ToolDispatcher dispatcher = Dispatcher(new TelemetryTools(), sensitive: true);

        await dispatcher.DispatchAsync(Call("get_weather", """{"city":"Reykjavik"}""", id: "call_1")).Guarded();

        Assert.Contains(Records, r => r.Message == """Tool call call_1 to get_weather result: "sunny in Reykjavik" """.TrimEnd());
    }

    [Fact]
    public async Task Retries_and_timeouts_are_warnings_with_the_attempt_error_and_delay()
    {
        int calls = 0;
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("flaky", (call, _) => ++calls switch
        {
            1 => new ValueTask<ToolResult>(never.Task),
            _ => new ValueTask<ToolResult>(ToolResult.Success(call, "1")),
        }, timeoutMilliseconds: 500, maxAttempts: 2);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("flaky", id: "c7")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0);
        await _clock.AdvanceToNextArmedAsync(1);
        await pending.Guarded();

        FakeLogRecord[] warnings = [.. Records.Where(r => r.Level == LogLevel.Warning)];
        Assert.Equal(
            [
                "Tool call c7 to flaky: attempt 1 reached its timeout and was abandoned.",
                "Tool call c7 to flaky: attempt 1 failed with timeout (transient); retrying in 1000 ms.",
            ],
            warnings.Select(r => r.Message));
        Assert.Equal("Tool call c7 to flaky succeeded in 1500 ms after 2 attempt(s).", Records[^1].Message);
    }

    [Fact]
    public async Task An_exception_no_rule_classifies_is_an_error_with_the_exception_once_per_attempt()
    {
        var failure = new InvalidOperationException("weird state");
        var set = new FakeToolSet().Throws("odd", () => failure, maxAttempts: 1);

        ToolResult result = await Dispatcher(set).DispatchAsync(Call("odd", id: "c9")).Guarded();

        Assert.Equal(ToolErrorCategory.Unknown, result.Category);
        FakeLogRecord error = Assert.Single(Records, r => r.Level == LogLevel.Error);
        Assert.Same(failure, error.Exception);
        Assert.Equal("Tool call c9 to odd threw an exception that is neither transient nor permanent.", error.Message);
        Assert.DoesNotContain(Records, r => r.Level == LogLevel.Error && r.Exception is null);
    }

    [Fact]
    public async Task A_transient_or_permanent_exception_is_not_an_error_record()
    {
        var set = new FakeToolSet().Throws("perm", () => new ArgumentException("no"), maxAttempts: 1);

        await Dispatcher(set).DispatchAsync(Call("perm")).Guarded();

        Assert.DoesNotContain(Records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_throwing_logger_never_changes_the_result()
    {
        var dispatcher = new ToolDispatcher(
            new ToolDispatcherOptions { LoggerFactory = new ThrowingLoggerFactory() },
            new FakeToolSet().Throws("odd", () => new InvalidOperationException("x"), maxAttempts: 1));

        ToolResult result = await dispatcher.DispatchAsync(Call("odd")).Guarded();

        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
    }

    /// <summary>Hands out FakeLoggers writing to one collector.</summary>
    private sealed class FakeLoggerFactory(FakeLogCollector collector) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new FakeLogger(collector, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    private sealed class ThrowingLoggerFactory : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("logging provider bug");

        public void Dispose()
        {
        }
    }
}
