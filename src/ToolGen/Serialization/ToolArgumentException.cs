using System;
using System.ComponentModel;

namespace ToolGen.Serialization;

/// <summary>
/// Thrown by generated argument parsers when the model's arguments do not match the tool's schema. Generated code
/// catches it and turns it into a failed <see cref="ToolResult"/>; it never reaches users.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolArgumentException : Exception
{
    internal ToolArgumentException(ToolErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary><see cref="ToolErrorKind.MissingArgument"/> or <see cref="ToolErrorKind.InvalidArguments"/>.</summary>
    public ToolErrorKind Kind { get; }
}
