using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ToolGen.Serialization;

/// <summary>
/// Writes a tool's return value to JSON with generated writer code, reusing one buffer and one
/// <see cref="Utf8JsonWriter"/> per thread so that a call allocates only the resulting string.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolResultWriter
{
    /// <summary>The deepest nesting written; deeper (or cyclic) results fail instead of overflowing the stack.</summary>
    public const int MaxDepth = 64;

    // Buffers that grew past this are dropped after use rather than kept alive by the thread.
    private const int MaxRetainedBytes = 64 * 1024;

    private static readonly JsonWriterOptions s_options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
    };

    [ThreadStatic]
    private static Buffer? t_cache;

    /// <summary>The result of a void tool: JSON <c>null</c>.</summary>
    public static ToolResult Void(ToolCall call) => ToolResult.Success(call, "null");

    /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and wraps the JSON in a result.</summary>
    public static ToolResult Write<T>(ToolCall call, T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Buffer buffer = Begin();
        write(buffer.Writer, value);
        return End(call, buffer);
    }

    /// <summary>Takes this thread's buffer (or a new one) for writing one result.</summary>
    public static Buffer Begin()
    {
        // Taken off the thread while in use, so a re-entrant call (a tool result written inside another) gets its own.
        Buffer buffer = t_cache ?? new Buffer();
        t_cache = null;
        buffer.Writer.Reset(buffer.Output);
        return buffer;
    }

    /// <summary>Finishes the result written into <paramref name="buffer"/> and gives the buffer back to the thread.</summary>
    public static ToolResult End(ToolCall call, Buffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Writer.Flush();
        string json = Encoding.UTF8.GetString(buffer.Output.WrittenSpan);
        if (buffer.Output.Capacity <= MaxRetainedBytes)
        {
            buffer.Output.ResetWrittenCount();
            t_cache = buffer;
        }

        return ToolResult.Success(call, json);
    }

    /// <summary>A reusable output buffer and the writer on it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class Buffer
    {
        internal readonly ArrayBufferWriter<byte> Output = new(256);

        internal Buffer() => Writer = new Utf8JsonWriter(Output, s_options);

        /// <summary>The writer generated code writes the result with.</summary>
        public Utf8JsonWriter Writer { get; }
    }
}
