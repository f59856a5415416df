using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ToolGen.ReliabilityTests.Differential;

/// <summary>Writes generated payloads with raw UTF-8 (not \u escapes) so the parser's multi-byte decoding is exercised.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node?.ToJsonString(s_relaxed) ?? "null";
}
