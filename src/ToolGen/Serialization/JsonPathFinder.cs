using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ToolGen.Serialization;

/// <summary>
/// Finds the argument path (<c>order.items[1].sku</c>) of the token at a byte offset by reading the document again
/// from the start. Only error paths call it, so successful parsing never pays for path tracking.
/// </summary>
internal static class JsonPathFinder
{
    private struct Frame
    {
        public bool IsArray;
        public int Index;
        public string? Name;
    }

    /// <summary>
    /// The path of the value, property name, or container (start or end token) at <paramref name="offset"/>; empty for
    /// the root. Returns what it found so far if the document is malformed before the offset.
    /// </summary>
    public static string PathAt(ReadOnlySpan<byte> json, long offset, int maxDepth)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                bool here = reader.TokenStartIndex >= offset;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        SetTop(frames, reader.GetString());
                        if (here)
                        {
                            return Format(frames);
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (here)
                        {
                            return Format(frames);
                        }

                        break;
                    default:
                        AdvanceArrayIndex(frames);
                        if (here)
                        {
                            return Format(frames);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray, Index = -1 });
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed after the point of interest, or an undecodable name: report what was found.
        }

        return Format(frames);
    }

    private static void SetTop(List<Frame> frames, string? name)
    {
        var top = frames[^1];
        top.Name = name;
        frames[^1] = top;
    }

    private static void AdvanceArrayIndex(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            var top = frames[^1];
            top.Index++;
            frames[^1] = top;
        }
    }

    private static string Format(List<Frame> frames)
    {
        var builder = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    builder.Append('[').Append(frame.Index).Append(']');
                }
            }
            else if (frame.Name is not null)
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(frame.Name);
            }
        }

        return builder.ToString();
    }
}
