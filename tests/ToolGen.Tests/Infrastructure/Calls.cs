using System;
using System.Threading.Tasks;

namespace ToolGen.Tests.Infrastructure;

internal static class Calls
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    public static ToolCall Call(string name, string argumentsJson = "{\"city\":\"Paris\"}", string id = "call_1") =>
        new(id, name, argumentsJson);

    /// <summary>Awaits a dispatcher task with a guard, so a bug fails the test instead of hanging it.</summary>
    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(s_guard);

    public static Task Guarded(this Task task) => task.WaitAsync(s_guard);

    public static Task<T> Guarded<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(s_guard);
}
