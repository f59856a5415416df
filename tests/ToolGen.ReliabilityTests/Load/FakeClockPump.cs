using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ToolGen.ReliabilityTests.Load;

/// <summary>
/// Moves a FakeTimeProvider on until a task completes, so abandoned tools time out without any real waiting. Only
/// tools with a finite timeout arm timers in these tests (the default timeout is infinite), so advancing freely
/// can only fire the timeouts that are meant to fire.
/// </summary>
internal static class FakeClockPump
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task)
    {
        var guard = DateTime.UtcNow + TimeSpan.FromSeconds(60); // a hang guard, never a wait the test relies on
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > guard)
            {
                throw new TimeoutException("the batch did not complete");
            }

            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }

        return await task;
    }
}
