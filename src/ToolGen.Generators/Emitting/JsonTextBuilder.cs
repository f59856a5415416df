using System.Collections.Generic;
using System.Text;
using ToolGen.Generators.Parsing;

namespace ToolGen.Generators.Emitting;

/// <summary>Builds compact JSON text at compile time (the generator cannot depend on System.Text.Json).</summary>
internal sealed class JsonTextBuilder
{
    private readonly StringBuilder _builder = new();
    private readonly Stack<bool> _needsComma = new();
    private bool _afterName;

    public JsonTextBuilder StartObject()
    {
        BeforeValue();
        _builder.Append('{');
        _needsComma.Push(false);
        return this;
    }

    public JsonTextBuilder EndObject()
    {
        _needsComma.Pop();
        _builder.Append('}');
        return this;
    }

    public JsonTextBuilder StartArray()
    {
        BeforeValue();
        _builder.Append('[');
        _needsComma.Push(false);
        return this;
    }

    public JsonTextBuilder EndArray()
    {
        _needsComma.Pop();
        _builder.Append(']');
        return this;
    }

    public JsonTextBuilder Name(string name)
    {
        BeforeValue();
        _builder.Append(ConstantFormatter.JsonString(name)).Append(':');
        _afterName = true;
        return this;
    }

    public JsonTextBuilder String(string value) => Raw(ConstantFormatter.JsonString(value));

    /// <summary>Writes already-valid JSON (a number, a literal, a default value).</summary>
    public JsonTextBuilder Raw(string json)
    {
        BeforeValue();
        _builder.Append(json);
        return this;
    }

    public JsonTextBuilder Property(string name, string value) => Name(name).String(value);

    public JsonTextBuilder RawProperty(string name, string json) => Name(name).Raw(json);

    public override string ToString() => _builder.ToString();

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_needsComma.Count > 0)
        {
            if (_needsComma.Peek())
            {
                _builder.Append(',');
            }
            else
            {
                _needsComma.Pop();
                _needsComma.Push(true);
            }
        }
    }
}
