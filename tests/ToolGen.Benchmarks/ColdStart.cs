using System;
using System.Diagnostics;

namespace ToolGen.Benchmarks;

/// <summary>Time from process start to the first completed tool call, for a fresh process (JIT or Native AOT).</summary>
public static class ColdStart
{
    public static int Run(string which)
    {
        string result = which switch
        {
            "toolgen" => new ToolDispatcher(new BenchmarkTools()).DispatchAsync(new ToolCall("c", "get_weather", Payloads.GetWeather)).AsTask().GetAwaiter().GetResult().Content,
            "extensionsai" => new ExtensionsAI().GetWeather(Payloads.GetWeather),
            _ => throw new ArgumentException("toolgen or extensionsai", nameof(which)),
        };
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine($"{which} first call {sinceStart.TotalMilliseconds:F1} ms after process start: {result}");
        return 0;
    }
}
