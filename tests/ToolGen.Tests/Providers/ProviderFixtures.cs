using System.Text;

namespace ToolGen.Tests.Providers;

/// <summary>Definitions and results shared by the provider tests.</summary>
internal static class ProviderFixtures
{
    public const string WeatherSchema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"enum\":[\"c\",\"f\"],\"default\":\"c\"}},\"required\":[\"city\"]}";
    public const string WeatherStrictSchema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":[\"string\",\"null\"],\"enum\":[\"c\",\"f\",null]}},\"required\":[\"city\",\"unit\"],\"additionalProperties\":false}";
    public const string TimeSchema = "{\"type\":\"object\",\"properties\":{}}";

    public static ToolDefinition Weather { get; } = new(
        "get_weather", "Get the current weather for a city (°C by default).", Encoding.UTF8.GetBytes(WeatherSchema), Encoding.UTF8.GetBytes(WeatherStrictSchema), strict: true,
        annotations: new ToolAnnotations(readOnly: true, title: "Weather"));

    public static ToolDefinition Time { get; } = new("get_time", "", Encoding.UTF8.GetBytes(TimeSchema), default);

    public static ToolDefinition[] Both => [Weather, Time];

    public static ToolResult Sunny(string id) => ToolResult.Success(new ToolCall(id, "get_weather", "{}"), "{\"temp\":21,\"sky\":\"sunny\"}");

    public static ToolResult Missing(string id) =>
        ToolResult.Failure(new ToolCall(id, "get_time", "{}"), ToolErrorKind.MissingArgument, ToolErrorCategory.Permanent, "Missing required argument: tz");

    public const string SunnyContent = "{\"success\":true,\"result\":{\"temp\":21,\"sky\":\"sunny\"}}";

    public const string MissingContent = "{\"success\":false,\"error\":\"Missing required argument: tz\",\"error_type\":\"missing_argument\",\"category\":\"permanent\"}";

    /// <summary>The JSON string literal of <paramref name="text"/>, as Utf8JsonWriter writes it with relaxed escaping.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
