using System;
using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace ToolGen.Telemetry.Tests;

/// <summary>
/// An OpenTelemetry tracer with the in-memory exporter, listening to ToolGen's source the way a user configures it.
/// Test classes run in parallel and every tracer in the process sees every ToolGen span, so each capture starts its own
/// root span and keeps only the spans of that trace (the exporter writes from other tests' threads too, so its
/// collection is a locked, filtering one).
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    public static readonly ActivitySource TestSource = new("ToolGen.Telemetry.Tests");

    private readonly TraceCollection _exported = new();
    private readonly TracerProvider _provider;

    public SpanCapture(params string[] extraSources)
    {
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(ToolGenTelemetry.SourceName)
            .AddSource(TestSource.Name)
            .AddSource(extraSources)
            .AddInMemoryExporter(_exported)
            .Build()!;
        Root = TestSource.StartActivity("test")!;
        _exported.TraceId = Root.TraceId;
    }

    /// <summary>The test's root span, current for the test's code.</summary>
    public Activity Root { get; }

    /// <summary>The finished spans of this test's trace (the root excluded), in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            return _exported.Snapshot().Where(a => a != Root).ToList();
        }
    }

    public Activity Single(string name) => Assert.Single(Spans, a => a.DisplayName == name);

    public void Dispose()
    {
        Root.Dispose();
        _provider.Dispose();
    }
}

/// <summary>The exporter's collection: thread-safe, and deaf to spans of other traces.</summary>
internal sealed class TraceCollection : ICollection<Activity>
{
    private readonly List<Activity> _items = [];

    public ActivityTraceId TraceId { get; set; }

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        if (item.TraceId == TraceId)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }
    }

    public List<Activity> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
