using Xunit;

namespace ToolGen.Tests;

public sealed class ToolNameSuggesterTests
{
    private static readonly string[] s_names = ["get_weather", "get_time", "search_flights", "book_hotel"];

    [Theory]
    [InlineData("get_wether", "get_weather")]
    [InlineData("GetWeather", "get_weather")]
    [InlineData("get_times", "get_time")]
    [InlineData("search_flight", "search_flights")]
    [InlineData("flights", "search_flights")]
    [InlineData("BOOK_HOTEL", "book_hotel")]
    public void A_close_name_is_suggested(string requested, string expected) =>
        Assert.Equal(
            $"Unknown function '{requested}'. Did you mean '{expected}'?",
            ToolNameSuggester.FunctionNotFoundMessage(requested, s_names));

    [Fact]
    public void Without_a_close_name_the_available_functions_are_listed() =>
        Assert.Equal(
            "Unknown function 'send_email'. Available functions: get_weather, get_time, search_flights, book_hotel.",
            ToolNameSuggester.FunctionNotFoundMessage("send_email", s_names));

    [Fact]
    public void With_no_tools_the_message_says_so() =>
        Assert.Equal("Unknown function 'x'. No functions are available.", ToolNameSuggester.FunctionNotFoundMessage("x", []));

    [Fact]
    public void Long_lists_are_cut()
    {
        string[] many = [.. Enumerable.Range(0, 40).Select(i => $"tool_number_{i:00}")];

        string message = ToolNameSuggester.FunctionNotFoundMessage("zzz", many);

        Assert.EndsWith("tool_number_31, and 8 more.", message);
        Assert.DoesNotContain("tool_number_32", message);
    }

    [Fact]
    public void A_garbage_name_is_truncated_and_not_compared()
    {
        string garbage = new('a', 10_000);

        string message = ToolNameSuggester.FunctionNotFoundMessage(garbage, s_names);

        Assert.StartsWith($"Unknown function '{new string('a', 128)}…'. Available functions:", message);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("Flaw", "lawn", 2)]
    [InlineData("ABC", "abc", 0)]
    public void Distance_is_levenshtein_ignoring_case(string a, string b, int expected) =>
        Assert.Equal(expected, ToolNameSuggester.Distance(a, b));
}
