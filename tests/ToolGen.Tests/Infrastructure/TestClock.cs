using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ToolGen.Tests.Infrastructure;

/// <summary>
/// A FakeTimeProvider that also records every timer the code under test arms (created or changed with a finite due
/// time), so a test can wait until the dispatcher is actually waiting before it advances time, and can assert the
/// exact delays and timeouts that were requested. Nothing here sleeps in real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    // Only a guard against a hanging test, never a wait the test relies on.
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly object _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly HashSet<RecordingTimer> _pending = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Every finite due time armed so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_gate)
            {
                return [.. _armed];
            }
        }
    }

    /// <summary>Timers armed and not yet fired, disarmed or disposed.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this);
        timer.Inner = _fake.CreateTimer(
            s =>
            {
                timer.OnFired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time on, firing due timers synchronously.</summary>
    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Waits (without real sleeping) until <paramref name="count"/> timers have been armed in total.</summary>
    public Task WaitForArmedAsync(int count) => WaitUntilAsync(() => _armed.Count >= count);

    /// <summary>Waits until at least <paramref name="count"/> timers are pending at once.</summary>
    public Task WaitForPendingAsync(int count) => WaitUntilAsync(() => _pending.Count >= count);

    /// <summary>Arms the next timer, advances to it and returns the delay it waited for.</summary>
    public async Task<TimeSpan> AdvanceToNextArmedAsync(int armedSoFar)
    {
        await WaitForArmedAsync(armedSoFar + 1);
        TimeSpan due = Armed[armedSoFar];
        Advance(due);
        return due;
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        Task wait;
        while (true)
        {
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                wait = _changed.Task;
            }

            await wait.WaitAsync(s_guard);
        }
    }

    private void Record(RecordingTimer timer, bool armed, TimeSpan dueTime)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (armed)
            {
                _armed.Add(dueTime);
                _pending.Add(timer);
            }
            else
            {
                _pending.Remove(timer);
            }

            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class RecordingTimer(TestClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool armed = dueTime != Timeout.InfiniteTimeSpan;
            clock.Record(this, armed, dueTime);
            return Inner.Change(dueTime, period);
        }

        public void OnFired() => clock.Record(this, armed: false, TimeSpan.Zero);

        public void Dispose()
        {
            clock.Record(this, armed: false, TimeSpan.Zero);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
