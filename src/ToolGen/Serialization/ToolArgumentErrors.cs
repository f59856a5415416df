using System;
using System.ComponentModel;
using System.Text.Json;

namespace ToolGen.Serialization;

/// <summary>Turns what a generated parser throws into the failed <see cref="ToolResult"/> the model sees.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolArgumentErrors
{
    /// <summary>Whether <paramref name="exception"/> came from reading the arguments (not from the tool).</summary>
    /// <remarks>
    /// Utf8JsonReader throws a subclass of <see cref="JsonException"/>; a plain <see cref="JsonException"/> comes from
    /// user code run while reading (a parameter record's constructor), so it is the tool's failure and its message is
    /// only sent to the model when <see cref="ToolDispatcherOptions.IncludeExceptionMessages"/> allows it.
    /// </remarks>
    public static bool IsArgumentError(Exception exception) =>
        exception is ToolArgumentException || (exception is JsonException && exception.GetType() != typeof(JsonException));

    /// <summary>The failed result for an argument error caught by generated code.</summary>
    public static ToolResult ToResult(ToolCall call, Exception exception) => exception switch
    {
        ToolArgumentException e => ToolResult.Failure(call, e.Kind, ToolErrorCategory.Permanent, e.Message),
        _ => ToolResult.Failure(
            call,
            ToolErrorKind.InvalidArguments,
            ToolErrorCategory.Permanent,
            "Arguments are not valid JSON: " + exception.Message),
    };
}
