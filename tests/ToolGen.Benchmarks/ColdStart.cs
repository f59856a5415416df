using System;
using System.Diagnostics;

namespace ToolGen.Benchmarks;

/// <summary>
/// Time to the first completed tool call in a fresh process (JIT): from process start (runtime start-up included)
/// and from entering Main (the library's own first-call cost: type loading, JIT of the call path).
/// </summary>
public static class ColdStart
{
    public static int Run(string which)
    {
        var inMain = Stopwatch.StartNew();
        string result = which switch
        {
            "toolgen" => new ToolDispatcher(new BenchmarkTools()).DispatchAsync(new ToolCall("c", "get_weather", Payloads.GetWeather)).AsTask().GetAwaiter().GetResult().Content,
            "extensionsai" => new ExtensionsAI().GetWeather(Payloads.GetWeather),
            _ => throw new ArgumentException("toolgen or extensionsai", nameof(which)),
        };
        double fromMain = inMain.Elapsed.TotalMilliseconds;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        string compact = System.Text.Json.Nodes.JsonNode.Parse(result)!.ToJsonString();
        Console.WriteLine($"{which} first call {sinceStart.TotalMilliseconds:F1} ms after process start, {fromMain:F1} ms after Main: {compact}");
        return 0;
    }
}
