using System;

namespace ToolGen.Providers;

/// <summary>
/// Thrown when a provider payload handed to a <c>Read…</c> method is not the documented shape: malformed JSON, a
/// missing id or name, an <c>input</c> that is not an object. The message names the format and the JSON path.
/// Problems inside the model's arguments are not format errors: they reach the tool set, which answers with an
/// <c>invalid_arguments</c> result the model can correct.
/// </summary>
public sealed class ProviderFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ProviderFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
