using System;
using System.Linq;
using System.Text.Json;
using ToolGen.ReliabilityTests.Corpus;
using ToolGen.ReliabilityTests.Infrastructure;
using Xunit.Abstractions;

namespace ToolGen.ReliabilityTests.Hostile;

/// <summary>
/// Hostile arguments into DispatchAsync: nothing escapes, every call gets a structured error (or, for payloads that
/// happen to be valid, a success), and payloads rejected for size or depth cost memory independent of their size.
/// </summary>
public class DispatcherHostileInputTests(ITestOutputHelper output)
{
    private static readonly string[] s_tools = ["scalars", "place_order", "tree", "any", "collections", "nothing"];
    // Inline, so each call's allocations are measured on this thread (see InlineToolSet).
    private readonly ToolDispatcher _dispatcher = new(new InlineToolSet(new EchoTools()));

    [Fact]
    public void Hostile_fixed_payloads_get_structured_errors_with_bounded_memory()
    {
        int cases = 0;
        foreach ((string label, byte[] bytes) in HostilePayloads.Fixed())
        {
            foreach (string tool in s_tools)
            {
                var call = new ToolCall("c", tool, bytes);
                (ToolResult result, long allocated) = SyncAllocation.Of(() => _dispatcher.DispatchAsync(call), $"{label} → {tool}");
                cases++;
                AssertStructured(result, $"{label} → {tool}");

                // Rejected before parsing: the cost must not grow with the payload (a few KB for the message).
                if (label is "10 MB string" or "4 MiB + 1 of whitespace" or "100,000-deep arrays" or "100,000-deep objects")
                {
                    Assert.False(result.IsSuccess, label);
                    Assert.True(allocated < 64 * 1024, $"{label} → {tool}: {allocated} bytes allocated");
                }
            }
        }

        output.WriteLine($"{cases} fixed hostile cases");
    }

    [Fact]
    public void Random_bytes_and_random_json_never_escape()
    {
        int cases = 0;
        long maxAllocated = 0;
        for (int i = 0; i < HostilePayloads.RandomBytesCases + HostilePayloads.RandomJsonCases; i++)
        {
            byte[] bytes = i < HostilePayloads.RandomBytesCases ? HostilePayloads.RandomBytes(i) : HostilePayloads.RandomJson(i);
            var call = new ToolCall("c", s_tools[i % s_tools.Length], bytes);
            (ToolResult result, long allocated) = SyncAllocation.Of(() => _dispatcher.DispatchAsync(call), Convert.ToBase64String(bytes));
            maxAllocated = Math.Max(maxAllocated, allocated);
            AssertStructured(result, Convert.ToBase64String(bytes));
            cases++;
        }

        // Payloads are at most a few KB: a call that allocated megabytes would be a leak or a blow-up.
        Assert.True(maxAllocated < 1024 * 1024, $"a call allocated {maxAllocated} bytes");
        output.WriteLine($"{cases} random cases, at most {maxAllocated} bytes allocated by one call");
    }

    internal static void AssertStructured(ToolResult result, string what, bool nameFromInput = false)
    {
        // The envelope the model reads agrees with the result: "success" says what IsSuccess says.
        using JsonDocument content = JsonDocument.Parse(result.Content);
        Assert.True(content.RootElement.GetProperty("success").GetBoolean() == result.IsSuccess, $"{what}: {result.Content}");
        if (!result.IsSuccess)
        {
            Assert.True(
                result.ErrorKind is ToolErrorKind.InvalidArguments or ToolErrorKind.MissingArgument || (nameFromInput && result.ErrorKind == ToolErrorKind.FunctionNotFound),
                $"{what}: {result.Content}");
            Assert.Equal(ToolErrorCategory.Permanent, result.Category);
            Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage), what);
            Assert.DoesNotContain("   at ", result.Content, StringComparison.Ordinal);
        }
    }
}
