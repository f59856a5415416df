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
    private static Cache? t_cache;

    /// <summary>The result of a void tool: JSON <c>null</c>.</summary>
    public static ToolResult Void(ToolCall call) => ToolResult.Success(call, "null");

    /// <summary>Writes <paramref name="value"/> with <paramref name="write"/> and wraps the JSON in a result.</summary>
    public static ToolResult Write<T>(ToolCall call, T value, Action<Utf8JsonWriter, T> write)
    {
        // Taken off the thread while in use, so a re-entrant call (a tool result written inside another) gets its own.
        Cache cache = t_cache ?? new Cache();
        t_cache = null;
        cache.Writer.Reset(cache.Buffer);
        write(cache.Writer, value);
        cache.Writer.Flush();
        string json = Encoding.UTF8.GetString(cache.Buffer.WrittenSpan);
        if (cache.Buffer.Capacity <= MaxRetainedBytes)
        {
            cache.Buffer.ResetWrittenCount();
            t_cache = cache;
        }

        return ToolResult.Success(call, json);
    }

    private sealed class Cache
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(256);
        public readonly Utf8JsonWriter Writer;

        public Cache() => Writer = new Utf8JsonWriter(Buffer, s_options);
    }
}
