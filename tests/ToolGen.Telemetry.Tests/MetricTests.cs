using System;
using System.Diagnostics.Metrics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Telemetry.Tests;

/// <summary>
/// The ToolGen meter through OpenTelemetry's in-memory exporter. Every meter provider in the process sees every
/// dispatcher's measurements, so each test uses tool names no other test uses and reads only their series.
/// </summary>
public sealed class MetricTests : IDisposable
{
    private readonly TestClock _clock = new();
    private readonly List<MetricSnapshot> _exported = [];
    private readonly MeterProvider _provider;

    public MetricTests()
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ToolGenTelemetry.MeterName)
            .AddView(ToolGenTelemetry.CallDurationName, new ExplicitBucketHistogramConfiguration { Boundaries = [.. ToolGenTelemetry.CallDurationBuckets] })
            .AddInMemoryExporter(_exported)
            .Build()!;
    }

    public void Dispose() => _provider.Dispose();

    private ToolDispatcher Dispatcher(FakeToolSet set) => new(new ToolDispatcherOptions { TimeProvider = _clock, UseJitter = false }, set);

    /// <summary>The points of <paramref name="instrument"/> whose tool name is <paramref name="tool"/>, by error.type.</summary>
    private Dictionary<string, MetricPoint> Points(string instrument, string tool)
    {
        _exported.Clear();
        _provider.ForceFlush();
        var points = new Dictionary<string, MetricPoint>();
        foreach (MetricPoint point in _exported.Where(m => m.Name == instrument).SelectMany(m => m.MetricPoints))
        {
            var tags = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            if (tags.GetValueOrDefault("gen_ai.tool.name") as string == tool)
            {
                points[tags.GetValueOrDefault("error.type") as string ?? ""] = point;
            }
        }

        return points;
    }

    [Fact]
    public async Task Durations_are_recorded_in_seconds_per_tool_and_error_type_with_the_documented_buckets()
    {
        var set = new FakeToolSet()
            .Returns("m_sync", "1")
            .Throws("m_bad", () => new ArgumentException("no"));
        ToolDispatcher dispatcher = Dispatcher(set);
        for (int i = 0; i < 3; i++)
        {
            await dispatcher.DispatchAsync(Call("m_sync")).Guarded();
        }

        await dispatcher.DispatchAsync(Call("m_bad")).Guarded();

        MetricPoint ok = Assert.Single(Points(ToolGenTelemetry.CallDurationName, "m_sync")).Value;
        Assert.Equal(3, ok.GetHistogramCount());
        Assert.Equal(0, ok.GetHistogramSum()); // the fake clock did not move
        var bounds = new List<double>();
        foreach (HistogramBucket bucket in ok.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        Assert.Equal([.. ToolGenTelemetry.CallDurationBuckets, double.PositiveInfinity], bounds);
        Dictionary<string, MetricPoint> bad = Points(ToolGenTelemetry.CallDurationName, "m_bad");
        Assert.Equal(1, Assert.Single(bad, p => p.Key == "execution_error").Value.GetHistogramCount());
    }

    [Fact]
    public async Task A_retried_call_counts_its_attempts_retries_and_timeouts_and_its_duration_includes_the_backoff()
    {
        int calls = 0;
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("m_flaky", (call, _) => ++calls switch
        {
            1 => new ValueTask<ToolResult>(never.Task),                 // times out after 0.5 s
            2 => throw new IOException("connection reset"),             // transient
            _ => new ValueTask<ToolResult>(ToolResult.Success(call, "1")),
        }, timeoutMilliseconds: 500, maxAttempts: 3);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("m_flaky")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0); // timeout, 0.5 s
        await _clock.AdvanceToNextArmedAsync(1); // backoff, 1 s
        await _clock.AdvanceToNextArmedAsync(2); // backoff, 2 s
        ToolResult result = await pending.Guarded();

        Assert.True(result.IsSuccess);
        Assert.Equal(3, Assert.Single(Points(ToolGenTelemetry.AttemptsName, "m_flaky")).Value.GetSumLong());
        Dictionary<string, MetricPoint> retries = Points(ToolGenTelemetry.RetriesName, "m_flaky");
        Assert.Equal(1, retries["timeout"].GetSumLong());
        Assert.Equal(1, retries["execution_error"].GetSumLong());
        Assert.Equal(1, Assert.Single(Points(ToolGenTelemetry.TimeoutsName, "m_flaky")).Value.GetSumLong());
        MetricPoint duration = Assert.Single(Points(ToolGenTelemetry.CallDurationName, "m_flaky")).Value;
        Assert.Equal(3.5, duration.GetHistogramSum(), 6);
    }

    [Fact]
    public async Task A_final_timeout_counts_once_and_tags_the_duration_with_timeout()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("m_hang", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 250, maxAttempts: 1);

        Task<ToolResult> pending = Dispatcher(set).DispatchAsync(Call("m_hang")).AsTask();
        await _clock.AdvanceToNextArmedAsync(0);
        await pending.Guarded();

        Assert.Equal(1, Assert.Single(Points(ToolGenTelemetry.TimeoutsName, "m_hang")).Value.GetSumLong());
        Assert.Empty(Points(ToolGenTelemetry.RetriesName, "m_hang"));
        MetricPoint duration = Assert.Single(Points(ToolGenTelemetry.CallDurationName, "m_hang"), p => p.Key == "timeout").Value;
        Assert.Equal(0.25, duration.GetHistogramSum(), 6);
    }

    [Fact]
    public async Task Names_no_tool_declares_share_one_series_so_the_model_cannot_create_series()
    {
        ToolDispatcher dispatcher = Dispatcher(new FakeToolSet().Returns("m_known", "1"));
        await dispatcher.DispatchAsync(Call("invented_one")).Guarded();
        await dispatcher.DispatchAsync(Call("invented_two")).Guarded();

        Assert.Empty(Points(ToolGenTelemetry.CallDurationName, "invented_one"));
        Assert.Equal(2, Points(ToolGenTelemetry.CallDurationName, "_OTHER")["function_not_found"].GetHistogramCount());
        Assert.Empty(Points(ToolGenTelemetry.AttemptsName, "_OTHER")); // no tool ran
    }

    [Fact]
    public async Task A_meter_factory_gets_the_dispatchers_meter_instead_of_the_shared_one()
    {
        using var factory = new TestMeterFactory();
        using var collector = new MetricCollector<double>(factory, ToolGenTelemetry.MeterName, ToolGenTelemetry.CallDurationName);
        var dispatcher = new ToolDispatcher(
            new ToolDispatcherOptions { TimeProvider = _clock, MeterFactory = factory },
            new FakeToolSet().Returns("m_factory", "1"));
        var shared = new ToolDispatcher(new ToolDispatcherOptions { TimeProvider = _clock }, new FakeToolSet().Returns("m_factory", "1"));

        await dispatcher.DispatchAsync(Call("m_factory")).Guarded();
        await shared.DispatchAsync(Call("m_factory")).Guarded();

        // The collector listens to the factory's meter only: one measurement, the shared meter's went elsewhere.
        CollectedMeasurement<double> measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal("m_factory", measurement.Tags["gen_ai.tool.name"]);
    }

    [Fact]
    public async Task The_duration_of_an_approved_call_includes_the_wait_for_approval()
    {
        using var factory = new TestMeterFactory();
        using var collector = new MetricCollector<double>(factory, ToolGenTelemetry.MeterName, ToolGenTelemetry.CallDurationName);
        var decision = new TaskCompletionSource<ToolApproval>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new ToolDispatcher(
            new ToolDispatcherOptions { TimeProvider = _clock, MeterFactory = factory, Approver = (_, _) => new ValueTask<ToolApproval>(decision.Task) },
            new TelemetryTools());

        Task<ToolResult> pending = dispatcher.DispatchAsync(Call("refund", """{"amount":5}""")).AsTask();
        await _clock.WaitForArmedAsync(1); // the approver is being asked
        _clock.Advance(TimeSpan.FromSeconds(7));
        decision.SetResult(ToolApproval.Approve());
        await pending.Guarded();

        Assert.Equal(7.0, Assert.Single(collector.GetMeasurementSnapshot()).Value);
    }

    /// <summary>What a DI container's meter factory does: meters scoped to the factory, disposed with it.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            options.Scope = this;
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
