using System;
using System.Text.Json;

namespace ToolGen;

/// <summary>
/// The outcome of one tool call: success with the tool's JSON result, or a structured error the model can act on.
/// Every call gets exactly one result.
/// </summary>
public sealed class ToolResult
{
    // Kept small (64 bytes) because every call allocates one: the result JSON and the error message share a field,
    // and the kind and category are stored as bytes.
    private readonly string _text;
    private readonly byte _errorKind;
    private readonly byte _category;
    private string? _content;

    private ToolResult(string callId, string toolName, ToolErrorKind errorKind, ToolErrorCategory category, string text)
    {
        CallId = callId;
        ToolName = toolName;
        _errorKind = (byte)errorKind;
        _category = (byte)category;
        _text = text;
        Attempts = 1;
    }

    /// <summary>The id of the call this result answers.</summary>
    public string CallId { get; }

    /// <summary>The tool name of the call (as the model sent it).</summary>
    public string ToolName { get; }

    /// <summary>Whether the tool ran and returned.</summary>
    public bool IsSuccess => ErrorKind == ToolErrorKind.None;

    /// <summary>What went wrong, or <see cref="ToolErrorKind.None"/>.</summary>
    public ToolErrorKind ErrorKind => (ToolErrorKind)_errorKind;

    /// <summary>Whether the failure was transient, permanent or unknown, or <see cref="ToolErrorCategory.None"/>.</summary>
    public ToolErrorCategory Category => (ToolErrorCategory)_category;

    /// <summary>The error message written for the model, or <see langword="null"/> on success.</summary>
    public string? ErrorMessage => IsSuccess ? null : _text;

    /// <summary>The return value as JSON (<c>null</c> for void tools), or <see langword="null"/> on failure.</summary>
    public string? ResultJson => IsSuccess ? _text : null;

    /// <summary>How many attempts ran (1 unless the dispatcher retried).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Wall time from the start of the first attempt to the result, as measured by the dispatcher.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>
    /// What is sent back to the model: <c>{"success":true,"result":…}</c> or
    /// <c>{"success":false,"error":…,"error_type":…,"category":…}</c>.
    /// </summary>
    public string Content => _content ??= IsSuccess
        ? string.Concat("{\"success\":true,\"result\":", ResultJson, "}")
        : BuildErrorContent();

    /// <summary>The <c>error_type</c> string of <see cref="ErrorKind"/> (<c>missing_argument</c>, …), or <c>null</c>.</summary>
    public string? ErrorType => ErrorKindName(ErrorKind);

    /// <summary>Creates a successful result around the tool's JSON result text.</summary>
    public static ToolResult Success(ToolCall call, string resultJson)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(resultJson);
        return new ToolResult(call.Id, call.Name, ToolErrorKind.None, ToolErrorCategory.None, resultJson);
    }

    /// <summary>Creates a failed result.</summary>
    public static ToolResult Failure(ToolCall call, ToolErrorKind kind, ToolErrorCategory category, string message)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(message);
        if (kind == ToolErrorKind.None)
        {
            throw new ArgumentException("A failure needs an error kind.", nameof(kind));
        }

        if (category == ToolErrorCategory.None)
        {
            throw new ArgumentException("A failure needs an error category.", nameof(category));
        }

        // Stored as bytes: a value cast from a larger integer would not round-trip.
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)kind, (uint)byte.MaxValue, nameof(kind));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)category, (uint)byte.MaxValue, nameof(category));

        return new ToolResult(call.Id, call.Name, kind, category, message);
    }

    /// <summary>The wire name of an error kind (<c>function_not_found</c>, …), or <see langword="null"/> for None.</summary>
    public static string? ErrorKindName(ToolErrorKind kind) => kind switch
    {
        ToolErrorKind.FunctionNotFound => "function_not_found",
        ToolErrorKind.MissingArgument => "missing_argument",
        ToolErrorKind.InvalidArguments => "invalid_arguments",
        ToolErrorKind.ExecutionError => "execution_error",
        ToolErrorKind.Timeout => "timeout",
        ToolErrorKind.Canceled => "canceled",
        ToolErrorKind.Denied => "denied",
        _ => null,
    };

    /// <summary>The wire name of a category (<c>transient</c>, …), or <see langword="null"/> for None.</summary>
    public static string? CategoryName(ToolErrorCategory category) => category switch
    {
        ToolErrorCategory.Transient => "transient",
        ToolErrorCategory.Permanent => "permanent",
        ToolErrorCategory.Unknown => "unknown",
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{ToolName} #{CallId}: {Content}";

    private string BuildErrorContent() => Providers.ProviderJson.Write(this, static (writer, result) =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success"u8, false);
        writer.WriteString("error"u8, result.ErrorMessage);
        writer.WriteString("error_type"u8, ErrorKindName(result.ErrorKind));
        writer.WriteString("category"u8, CategoryName(result.Category));
        writer.WriteEndObject();
    });
}
