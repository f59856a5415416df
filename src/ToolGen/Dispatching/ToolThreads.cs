using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Dispatching;

/// <summary>
/// The threads one dispatcher runs the synchronous part of its tool calls on, so that a tool that blocks (a
/// <c>Thread.Sleep</c>, a synchronous HTTP call, a lock) holds one of these threads and never the caller's thread, a
/// thread-pool thread, or a thread of another dispatcher. The caller only waits asynchronously, so its timeout and
/// its cancellation fire on time.
/// </summary>
/// <remarks>
/// Threads are created on demand up to a bound and leave after a while without work. When every thread is busy (say
/// with abandoned attempts that still block), new attempts wait in the queue; an attempt whose token fired while it
/// waited is dropped without running the tool (its caller already has the timeout result).
/// </remarks>
internal sealed class ToolThreads
{
    // Long enough that a steady trickle of calls reuses threads; short enough that an idle process gives them back.
    private static readonly TimeSpan s_idleExit = TimeSpan.FromSeconds(20);

    private readonly object _gate = new();
    private readonly Queue<OffloadedAttempt> _queue = new();
    private readonly int _maxThreads;
    private int _threads;
    private int _waiting;

    public ToolThreads(int maxThreads) => _maxThreads = maxThreads;

    /// <summary>Threads alive now (for tests).</summary>
    public int Count => Volatile.Read(ref _threads);

    /// <summary>Starts one attempt on a tool thread; the task ends with the tool's result or exception.</summary>
    public Task<ToolResult> Start(ToolEntry entry, ToolCall call, CancellationToken attemptToken)
    {
        var attempt = new OffloadedAttempt(entry, call, attemptToken);
        bool startThread = false;
        lock (_gate)
        {
            _queue.Enqueue(attempt);

            // Every queued attempt needs a waiting thread to take it; a thread woken but not yet running still counts
            // as waiting, and as queued work until it dequeues, so the comparison stays right in between.
            if (_queue.Count > _waiting && _threads < _maxThreads)
            {
                _threads++;
                startThread = true;
            }
            else if (_waiting > 0)
            {
                Monitor.Pulse(_gate);
            }
        }

        if (startThread)
        {
            // Not captured: the tool must not run with the first caller's ExecutionContext (AsyncLocals) forever.
            var thread = new Thread(static state => ((ToolThreads)state!).Loop(), maxStackSize: 0)
            {
                IsBackground = true,
                Name = "ToolGen tool",
            };
            thread.UnsafeStart(this);
        }

        return attempt.Task;
    }

    private void Loop()
    {
        while (true)
        {
            OffloadedAttempt? attempt;
            lock (_gate)
            {
                while (!_queue.TryDequeue(out attempt))
                {
                    _waiting++;
                    bool woken = Monitor.Wait(_gate, s_idleExit);
                    _waiting--;
                    if (!woken && _queue.Count == 0)
                    {
                        _threads--;
                        return;
                    }
                }
            }

            attempt.Run();
        }
    }
}
