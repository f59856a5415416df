using System;
using System.Threading.Tasks;

namespace ToolGen.ReliabilityTests.Infrastructure;

/// <summary>
/// Bytes allocated by one call, read from this thread's allocation counter. That counter sees only this thread, so
/// the call must complete synchronously: if any of its work ran on another thread the delta would measure nothing
/// and every bound would pass. The completion is asserted, not assumed.
/// </summary>
internal static class SyncAllocation
{
    public static (T Result, long Bytes) Of<T>(Func<ValueTask<T>> call, string what)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        ValueTask<T> pending = call();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(pending.IsCompleted, $"{what}: completed asynchronously, so this thread's allocation counter cannot measure it");
        return (pending.GetAwaiter().GetResult(), bytes);
    }
}
