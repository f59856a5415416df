using System;
using System.ComponentModel;
using System.Text.Json;
using System.Threading.Tasks;

namespace ToolGen.Serialization;

/// <summary>
/// Turns the task an async tool returns into its result. A task that already completed is written synchronously
/// (no state machine); only a pending one is awaited. Exceptions of the tool propagate, for the dispatcher.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolResultAwaiter
{
    /// <summary>The result of a tool returning <see cref="Task"/>.</summary>
    public static ValueTask<ToolResult> Complete(ToolCall call, Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new(ToolResultWriter.Void(call)) : AwaitVoid(call, task);
    }

    /// <summary>The result of a tool returning <see cref="ValueTask"/>.</summary>
    public static ValueTask<ToolResult> Complete(ToolCall call, ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult(); // releases a pooled IValueTaskSource
            return new(ToolResultWriter.Void(call));
        }

        return AwaitVoid(call, task.AsTask());
    }

    /// <summary>The result of a tool returning <see cref="Task{T}"/>.</summary>
    public static ValueTask<ToolResult> Complete<T>(ToolCall call, Task<T> task, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new(ToolResultWriter.Write(call, task.Result, write)) : Await(call, task, write);
    }

    /// <summary>The result of a tool returning <see cref="ValueTask{T}"/>.</summary>
    public static ValueTask<ToolResult> Complete<T>(ToolCall call, ValueTask<T> task, Action<Utf8JsonWriter, T> write) =>
        task.IsCompletedSuccessfully ? new(ToolResultWriter.Write(call, task.Result, write)) : Await(call, task, write);

    private static async ValueTask<ToolResult> AwaitVoid(ToolCall call, Task task)
    {
        await task.ConfigureAwait(false);
        return ToolResultWriter.Void(call);
    }

    private static async ValueTask<ToolResult> Await<T>(ToolCall call, Task<T> task, Action<Utf8JsonWriter, T> write) =>
        ToolResultWriter.Write(call, await task.ConfigureAwait(false), write);

    private static async ValueTask<ToolResult> Await<T>(ToolCall call, ValueTask<T> task, Action<Utf8JsonWriter, T> write) =>
        ToolResultWriter.Write(call, await task.ConfigureAwait(false), write);
}
