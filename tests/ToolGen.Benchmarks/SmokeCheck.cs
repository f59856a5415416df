using System;

namespace ToolGen.Benchmarks;

/// <summary>Runs every implementation once and checks they agree, so the benchmarks compare equal work.</summary>
public static class SmokeCheck
{
    public static int Run()
    {
        var benchmarks = new InvocationBenchmarks();
        var cases = new (string Name, Func<string>[] Implementations)[]
        {
            ("get_weather", new Func<string>[] { benchmarks.Weather_HandWritten, benchmarks.Weather_ToolGen_InvokeAsync, benchmarks.Weather_ToolGen_DispatchAsync, benchmarks.Weather_ExtensionsAI }),
            ("mixed", new Func<string>[] { benchmarks.Mixed_HandWritten, benchmarks.Mixed_ToolGen_InvokeAsync, benchmarks.Mixed_ToolGen_DispatchAsync, benchmarks.Mixed_ExtensionsAI }),
            ("place_order", new Func<string>[] { benchmarks.Order_HandWritten, benchmarks.Order_ToolGen_InvokeAsync, benchmarks.Order_ToolGen_DispatchAsync, benchmarks.Order_ExtensionsAI }),
        };
        int failures = 0;
        foreach (var (name, implementations) in cases)
        {
            string expected = implementations[0]();
            foreach (var implementation in implementations)
            {
                string actual = implementation();
                bool same = Normalize(actual) == Normalize(expected);
                Console.WriteLine($"{(same ? "ok  " : "DIFF")} {name} {implementation.Method.Name}: {actual}");
                failures += same ? 0 : 1;
            }
        }

        return failures;
    }

    // Extensions.AI indents its output; compare the JSON values, not their whitespace.
    private static string Normalize(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
