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
