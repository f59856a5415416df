using System;

namespace ToolGen.Dispatching;

/// <summary>
/// Reads what an exception thrown by a tool says without trusting it: a <c>Message</c> getter may throw or return
/// null, an <see cref="AggregateException"/> may be nested deeper than the stack allows to walk recursively, and a
/// message may be megabytes long. Everything the dispatcher reads from a tool's exception goes through here.
/// </summary>
internal static class ExceptionText
{
    /// <summary>The longest error message sent to the model, in characters; longer ones are cut.</summary>
    internal const int MaxMessageLength = 2048;

    internal const string TruncationMark = "… (message truncated)";

    // Task.WhenAll-style wrappers are looked through this many levels; deeper nesting is not a real wrapper any more.
    private const int MaxUnwrapDepth = 32;

    /// <summary>The single real failure inside single-inner <see cref="AggregateException"/>s, at most 32 levels down.</summary>
    public static Exception Unwrap(Exception exception)
    {
        for (int depth = 0; depth < MaxUnwrapDepth && exception is AggregateException { InnerExceptions.Count: 1 } aggregate; depth++)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }

    /// <summary>The exception's message, or null when it has none that can be read safely.</summary>
    public static string? Message(Exception exception)
    {
        if (exception is AggregateException)
        {
            return null; // its Message joins every inner message, recursively: unbounded work and stack
        }

        try
        {
            return exception.Message;
        }
        catch (Exception)
        {
            return null; // a throwing Message getter is the tool's bug; the model still gets a result
        }
    }

    /// <summary><paramref name="text"/>, cut to <see cref="MaxMessageLength"/> characters.</summary>
    public static string Bound(string text)
    {
        if (text.Length <= MaxMessageLength)
        {
            return text;
        }

        // Never split a surrogate pair: the JSON writer would reject the lone half.
        int length = MaxMessageLength - TruncationMark.Length;
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length), TruncationMark);
    }
}
