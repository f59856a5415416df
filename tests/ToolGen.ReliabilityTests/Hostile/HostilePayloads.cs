using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ToolGen.ReliabilityTests.Differential;
using ToolGen.ReliabilityTests.Infrastructure;

namespace ToolGen.ReliabilityTests.Hostile;

/// <summary>Hand-picked hostile payloads plus seeded random bytes and random JSON, shared by the dispatcher and provider tests.</summary>
internal static class HostilePayloads
{
    public const int RandomBytesCases = 1500;
    public const int RandomJsonCases = 1500;

    public static IEnumerable<(string Label, byte[] Bytes)> Fixed()
    {
        yield return ("empty", []);
        yield return ("invalid UTF-8 in a string", [.. "{\"s\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8]);
        yield return ("invalid UTF-8 in a name", [.. "{\""u8, 0xED, 0xA0, 0x80, .. "\":1}"u8]);
        yield return ("lone surrogate escape", "{\"s\":\"\\ud800\",\"c\":\"\\udc00\"}"u8.ToArray());
        yield return ("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. "{}"u8]);
        yield return ("NUL bytes", "{\"s\":\"a\0b\"}"u8.ToArray());
        yield return ("truncated", "{\"order\":{\"customer\":\"c\",\"lines\":[{\"sku\""u8.ToArray());
        yield return ("huge integer", Encoding.ASCII.GetBytes("{\"i32\":1" + new string('0', 100_000) + "}"));
        yield return ("huge exponent", "{\"f64\":1e999999999999,\"dec\":-1e-999999999}"u8.ToArray());
        yield return ("10 MB string", Encoding.ASCII.GetBytes("{\"s\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"));
        yield return ("4 MiB + 1 of whitespace", Enumerable.Repeat((byte)' ', (4 * 1024 * 1024) + 1).ToArray());
        yield return ("100,000-deep arrays", Encoding.ASCII.GetBytes("{\"value\":" + new string('[', 100_000) + new string(']', 100_000) + "}"));
        yield return ("100,000-deep objects", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000)));
        yield return ("5,000 properties", Encoding.ASCII.GetBytes("{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"p{i}\":{i}")) + "}"));
        yield return ("5,000 duplicates", Encoding.ASCII.GetBytes("{" + string.Join(",", Enumerable.Repeat("\"s\":\"x\"", 5000)) + "}"));
        yield return ("100,000 array items", Encoding.ASCII.GetBytes("{\"tags\":[" + string.Join(",", Enumerable.Repeat("\"a\"", 100_000)) + "]}"));
        yield return ("not an object", "[1,2,3]"u8.ToArray());
        yield return ("two documents", "{}{}"u8.ToArray());
        yield return ("comments", "{/*x*/\"s\":\"a\"}"u8.ToArray());
        yield return ("NaN", "{\"f64\":NaN}"u8.ToArray());
    }

    public static byte[] RandomBytes(int index) => Seeds.Sample(Gen.Byte.Array[0, 256], index, salt: 0xB17E5);

    // Keys that providers and tools look for, so random JSON reaches past the first shape check.
    private static readonly Gen<string> s_keys = Gen.OneOf<string>(
        "choices", "message", "tool_calls", "function", "name", "arguments", "id", "type", "content", "input", "output",
        "functionCall", "args", "candidates", "parts", "params", "method", "jsonrpc", "call_id", "tool_use", "function_call",
        "s", "order", "lines", "value", "root", "children");

    private static readonly Gen<string> s_scalars = Gen.OneOf<string>(
        "\"tools/call\"", "\"function\"", "\"tool_use\"", "\"function_call\"", "\"scalars\"", "\"any\"", "\"{}\"", "\"{\\\"value\\\":1,\\\"node\\\":2}\"",
        "null", "1", "-1e309", "true", "[]", "{}", "\"\"", "\"\\ud800\"");

    public static Gen<string> JsonLike(int depth) => depth == 0
        ? s_scalars
        : Gen.Frequency(
            (2, s_scalars),
            (1, JsonLike(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(s_keys, JsonLike(depth - 1)).Array[0, 4].Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}")));

    public static byte[] RandomJson(int index)
    {
        string json = Seeds.Sample(JsonLike(5), index, salt: 0x15_0F);
        // Every fourth one truncated: documents that end too early.
        return Encoding.UTF8.GetBytes(index % 4 == 3 ? json[..(json.Length / 2)] : json);
    }
}
