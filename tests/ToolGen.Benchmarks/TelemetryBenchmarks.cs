using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using ToolGen.Telemetry;

namespace ToolGen.Benchmarks;

/// <summary>
/// The dispatcher's success path (get_weather, as in <see cref="InvocationBenchmarks"/>) with nothing observing it,
/// with a logger at Information (the usual production level: Debug per-call records are off), and with an activity
/// listener recording every span plus a meter listener on every instrument (what an OpenTelemetry SDK subscribes,
/// without an exporter's own cost). BenchmarkDotNet runs each case in its own process, so "None" has no listener at all.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private readonly ToolCall _weatherCall = new("call_1", "get_weather", Payloads.GetWeather);
    private ToolDispatcher _dispatcher = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    public enum Observer
    {
        None,
        InformationLogger,
        SpansAndMetrics,
    }

    [Params(Observer.None, Observer.InformationLogger, Observer.SpansAndMetrics)]
    public Observer Observed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new ToolDispatcherOptions();
        if (Observed == Observer.InformationLogger)
        {
            options.LoggerFactory = new InformationLoggerFactory();
        }

        if (Observed == Observer.SpansAndMetrics)
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = s => s.Name == ToolGenTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == ToolGenTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            _meters.Start();
        }

        _dispatcher = new ToolDispatcher(options, new BenchmarkTools());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activities?.Dispose();
        _meters?.Dispose();
    }

    [Benchmark]
    public string Weather_DispatchAsync() => _dispatcher.DispatchAsync(_weatherCall).Result.ResultJson!;

    private sealed class InformationLoggerFactory : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
