using System;
using System.Threading.Tasks;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>Every await of a test goes through here, so a broken client or server fails the test instead of hanging it.</summary>
internal static class Guard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Guarded(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> Guarded<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);
}
