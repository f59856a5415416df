using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ToolGen.Serialization;

/// <summary>
/// The reader generated argument parsers use: a thin layer over <see cref="Utf8JsonReader"/> whose getters check the
/// token type, range and format a schema promises and throw <see cref="ToolArgumentException"/> with a message that
/// names the argument. Getters read the CURRENT token; <see cref="Next"/>, <see cref="NextProperty"/> and
/// <see cref="NextItem"/> move. Argument paths are only computed when an error is thrown.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref partial struct ToolArgumentReader
{
    private ReadOnlySpan<byte> _json;
    private Utf8JsonReader _reader;
    private readonly bool _lenient;

    /// <summary>Reads <paramref name="json"/> exactly; an empty or all-whitespace payload reads as <c>{}</c>.</summary>
    public ToolArgumentReader(ReadOnlySpan<byte> json)
        : this(json, lenient: false)
    {
    }

    /// <summary>
    /// Reads <paramref name="json"/>; an empty or all-whitespace payload reads as <c>{}</c>. With
    /// <paramref name="lenient"/>, the getters also accept what models commonly send for a value of the right type
    /// (numbers and booleans as JSON strings, enum names in any case, the arguments object encoded as a string); see
    /// <see cref="IsLenient"/>.
    /// </summary>
    public ToolArgumentReader(ReadOnlySpan<byte> json, bool lenient)
    {
        _lenient = lenient;
        if (json.Length > ToolArgumentLimits.MaxBytes)
        {
            throw new ToolArgumentException(
                ToolErrorKind.InvalidArguments,
                $"Arguments are too large: {json.Length} bytes; the limit is {ToolArgumentLimits.MaxBytes} bytes.");
        }

        if (IsBlank(json))
        {
            json = "{}"u8;
        }

        _json = json;
        _reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ToolArgumentLimits.MaxDepth });
    }

    /// <summary>
    /// Whether lenient reading is on: a number or boolean may come as a JSON string that holds exactly its JSON text
    /// (<c>"5"</c>, <c>"2.5"</c>, <c>"true"</c>), an enum name may differ in case, and the root arguments value may be
    /// a JSON string holding the object (read once, not recursively). Generated parsers also read <c>null</c> for an
    /// optional non-nullable value as "absent" then.
    /// </summary>
    public readonly bool IsLenient => _lenient;

    /// <summary>Whether the current token is JSON <c>null</c>.</summary>
    public readonly bool IsNull => _reader.TokenType == JsonTokenType.Null;

    /// <summary>Moves to the next token (the value after a property name).</summary>
    public void Next() => _reader.Read();

    /// <summary>Moves to the root value and checks that it is an object.</summary>
    public void ReadRootObject()
    {
        _reader.Read();
        if (_lenient && _reader.TokenType == JsonTokenType.String)
        {
            ReadEncodedRoot();
        }

        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ToolArgumentException(
                ToolErrorKind.InvalidArguments,
                "Arguments must be a JSON object with the tool's parameters as properties.");
        }
    }

    /// <summary>
    /// Lenient: the arguments came as a JSON string (the object encoded once more, as some models send it). Its text is
    /// read as the arguments, once: a string inside that string is not unwrapped again.
    /// </summary>
    private void ReadEncodedRoot()
    {
        string text;
        try
        {
            text = _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return; // invalid UTF-8 inside the string: reported as "must be a JSON object" below
        }

        // Nothing may follow the string itself (a final-block reader throws JsonException for anything after it).
        var rest = _reader;
        rest.Read();

        byte[] inner = System.Text.Encoding.UTF8.GetBytes(text);
        if (inner.Length > ToolArgumentLimits.MaxBytes || !StartsWithObject(inner))
        {
            return;
        }

        _json = inner;
        _reader = new Utf8JsonReader(inner, new JsonReaderOptions { MaxDepth = ToolArgumentLimits.MaxDepth });
        _reader.Read();
    }

    private static bool StartsWithObject(ReadOnlySpan<byte> json)
    {
        foreach (byte b in json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }

    /// <summary>Checks that nothing but whitespace follows the root object.</summary>
    public void ReadEndOfInput()
    {
        // A final-block reader without AllowMultipleValues throws JsonException for anything after the root value.
        _reader.Read();
    }

    /// <summary>Checks that the current token starts an object.</summary>
    public readonly void ExpectStartObject()
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            ThrowExpected("a JSON object");
        }
    }

    /// <summary>Checks that the current token starts an array.</summary>
    public readonly void ExpectStartArray()
    {
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            ThrowExpected("a JSON array");
        }
    }

    /// <summary>Moves to the next property name of the current object; <see langword="false"/> at its end.</summary>
    public bool NextProperty()
    {
        _reader.Read();
        return _reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next item of the current array; <see langword="false"/> at its end.</summary>
    public bool NextItem()
    {
        _reader.Read();
        return _reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Whether the current property name or string value is exactly <paramref name="utf8"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool ValueIs(ReadOnlySpan<byte> utf8) => _reader.ValueTextEquals(utf8);

    /// <summary>Marks a property as seen, rejecting a second occurrence of it.</summary>
    public readonly void MarkSeen(ref bool seen)
    {
        if (seen)
        {
            ThrowDuplicate();
        }

        seen = true;
    }

    /// <summary>Skips the value of the current property (used for properties the parser ignores).</summary>
    public void Skip() => _reader.Skip();

    /// <summary>Checks that the current token is a string, for callers that compare it with <see cref="ValueIs"/>.</summary>
    public readonly void ExpectString(string expected)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            ThrowExpected(expected);
        }
    }

    /// <summary>Throws for a property the object does not declare.</summary>
    [DoesNotReturn]
    public readonly void ThrowUnknownProperty(string expectedNames)
    {
        string path = PathHere();
        string noun = _reader.CurrentDepth <= 1 ? "argument" : "property";
        string expected = expectedNames.Length == 0 ? "no arguments" : expectedNames;
        throw new ToolArgumentException(
            ToolErrorKind.InvalidArguments,
            $"Unknown {noun} '{path}'. Expected: {expected}.");
    }

    /// <summary>Throws for a required property absent from the object that just ended.</summary>
    [DoesNotReturn]
    public readonly void ThrowMissing(string name)
    {
        string parent = PathHere();
        string path = parent.Length == 0 ? name : parent + "." + name;
        throw new ToolArgumentException(ToolErrorKind.MissingArgument, $"Missing required argument '{path}'.");
    }

    /// <summary>Throws because the current value is not what the schema expects.</summary>
    [DoesNotReturn]
    public readonly void ThrowExpected(string expected)
    {
        string path = PathHere();
        string got = _reader.TokenType == JsonTokenType.Null ? " (null is not allowed)" : string.Empty;
        throw new ToolArgumentException(
            ToolErrorKind.InvalidArguments,
            $"Invalid value for '{path}': expected {expected}{got}.");
    }

    /// <summary>Throws because the current value breaks a constraint (range, length, pattern…).</summary>
    [DoesNotReturn]
    public readonly void ThrowConstraint(string requirement)
    {
        string timedOut = ToolFormats.TakeMatchTimedOut() ? " (the check timed out)" : string.Empty;
        throw new ToolArgumentException(
            ToolErrorKind.InvalidArguments,
            $"Invalid value for '{PathHere()}': {requirement}{timedOut}.");
    }

    /// <summary>Throws for a property (or dictionary key) that appears twice in one object.</summary>
    [DoesNotReturn]
    public readonly void ThrowDuplicate()
    {
        throw new ToolArgumentException(
            ToolErrorKind.InvalidArguments,
            $"Duplicate argument '{PathHere()}': each property may appear once.");
    }

    private readonly string PathHere() => JsonPathFinder.PathAt(_json, _reader.TokenStartIndex, ToolArgumentLimits.MaxDepth);

    private static bool IsBlank(ReadOnlySpan<byte> json)
    {
        foreach (byte b in json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
