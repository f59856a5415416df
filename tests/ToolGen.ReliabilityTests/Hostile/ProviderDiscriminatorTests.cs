using System;
using ToolGen.Providers;

namespace ToolGen.ReliabilityTests.Hostile;

/// <summary>
/// Regression: a "type"/"method" discriminator that is not a string made the readers throw InvalidOperationException
/// (JsonElement.ValueEquals on a non-string) instead of skipping the entry or throwing ProviderFormatException.
/// </summary>
public class ProviderDiscriminatorTests
{
    [Theory]
    [InlineData("OpenAI Chat", """{"tool_calls":[{"type":{}}]}""")]
    [InlineData("OpenAI Responses", """{"output":[{"type":1}]}""")]
    [InlineData("Anthropic", """{"content":[{"type":[]}]}""")]
    [InlineData("MCP", """{"method":7,"params":{"name":"x"}}""")]
    public void Non_string_discriminators_never_throw_InvalidOperationException(string reader, string json)
    {
        var read = Array.Find(ProviderReaderFuzzTests.Readers, r => r.Name == reader).Read;
        try
        {
            Assert.Empty(read(ProviderJsonBytes(json)));
        }
        catch (ProviderFormatException)
        {
            // also acceptable: a format error naming the path
        }
    }

    private static ReadOnlyMemory<byte> ProviderJsonBytes(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}

/// <summary>Regression: a lone surrogate escape in a name, id or arguments string threw InvalidOperationException.</summary>
public class ProviderUndecodableTextTests
{
    [Theory]
    [InlineData("MCP", """{"name":"\ud800","arguments":{}}""")]
    [InlineData("OpenAI Chat", """{"tool_calls":[{"id":"\udc00","function":{"name":"x"}}]}""")]
    [InlineData("OpenAI Chat", """{"tool_calls":[{"id":"1","function":{"name":"x","arguments":"\ud800"}}]}""")]
    [InlineData("Gemini", """{"parts":[{"functionCall":{"id":"\ud800","name":"x"}}]}""")]
    [InlineData("Anthropic", """{"content":[{"type":"tool_use","id":"\ud800","name":"x","input":{}}]}""")]
    public void Lone_surrogates_are_format_errors(string reader, string json)
    {
        var read = Array.Find(ProviderReaderFuzzTests.Readers, r => r.Name == reader).Read;
        Assert.Throws<ProviderFormatException>(() => read(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}

/// <summary>
/// Regression (found by AFL++): invalid UTF-8 inside an arguments object, an MCP method or id threw
/// InvalidOperationException from GetRawText instead of ProviderFormatException.
/// </summary>
public class ProviderInvalidUtf8Tests
{
    [Theory]
    [InlineData("Anthropic", """{"content":[{"type":"tool_use","id":"t","name":"move","input":{"#":1}}]}""")]
    [InlineData("Gemini", """{"parts":[{"functionCall":{"name":"move","args":{"#":1}}}]}""")]
    [InlineData("MCP", """{"name":"move","arguments":{"#":1}}""")]
    [InlineData("MCP", """{"jsonrpc":"2.0","id":{"#":1},"method":"tools/call","params":{"name":"move"}}""")]
    [InlineData("MCP", """{"jsonrpc":"2.0","id":1,"method":{"#":1},"params":{"name":"move"}}""")]
    [InlineData("OpenAI Chat", """{"tool_calls":[{"id":"1","function":{"name":"move","arguments":{"#":1}}}]}""")]
    [InlineData("OpenAI Responses", """{"output":[{"type":"function_call","call_id":"1","name":"move","arguments":{"#":1}}]}""")]
    public void Invalid_utf8_inside_json_is_a_format_error(string reader, string template)
    {
        // '#' stands for a byte that is not UTF-8 (0x8A, as in the AFL++ crash).
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(template);
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0x8A;
        var read = Array.Find(ProviderReaderFuzzTests.Readers, r => r.Name == reader).Read;
        Assert.Throws<ProviderFormatException>(() => read(bytes));
    }
}
