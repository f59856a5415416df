using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ToolGen.Dispatching;

/// <summary>
/// Reuses the per-attempt cancellation sources, so that a call that completes without being cancelled allocates none
/// (the timer a source armed once is reused too). A token handed to a tool is valid for that call only.
/// </summary>
internal sealed class CancellationSourcePool
{
    // Enough for a full batch at the default concurrency plus nesting; beyond it sources are simply dropped.
    private const int MaxPooled = 64;

    private readonly ConcurrentQueue<CancellationTokenSource> _sources = new();
    private readonly TimeProvider _time;
    private int _count;

    public CancellationSourcePool(TimeProvider time) => _time = time;

    public CancellationTokenSource Rent()
    {
        if (_sources.TryDequeue(out CancellationTokenSource? source))
        {
            Interlocked.Decrement(ref _count);
            return source;
        }

        // A source bound to the provider arms its CancelAfter timer through it (FakeTimeProvider in tests).
        return ReferenceEquals(_time, TimeProvider.System)
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
    }

    /// <summary>Takes a source back once no tool can observe it any more; a cancelled one is disposed instead.</summary>
    public void Return(CancellationTokenSource source)
    {
        if (Volatile.Read(ref _count) < MaxPooled && source.TryReset())
        {
            Interlocked.Increment(ref _count);
            _sources.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }
}
