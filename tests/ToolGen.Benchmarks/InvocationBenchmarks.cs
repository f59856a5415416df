using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ToolGen.Benchmarks;

/// <summary>One tool call, arguments JSON in, result JSON out, for each implementation and tool.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InvocationBenchmarks
{
    private readonly IToolSet _toolSet = new BenchmarkTools();
    private readonly ToolDispatcher _dispatcher = new(new BenchmarkTools());
    private readonly HandWritten _handWritten = new();
    private readonly ExtensionsAI _extensionsAI = new();
    private readonly byte[] _weatherUtf8 = Encoding.UTF8.GetBytes(Payloads.GetWeather);
    private readonly byte[] _mixedUtf8 = Encoding.UTF8.GetBytes(Payloads.Mixed);
    private readonly byte[] _orderUtf8 = Encoding.UTF8.GetBytes(Payloads.PlaceOrder);
    private readonly ToolCall _weatherCall = new("call_1", "get_weather", Payloads.GetWeather);
    private readonly ToolCall _mixedCall = new("call_2", "mixed", Payloads.Mixed);
    private readonly ToolCall _orderCall = new("call_3", "place_order", Payloads.PlaceOrder);

    [BenchmarkCategory("get_weather"), Benchmark(Baseline = true)]
    public string Weather_HandWritten() => _handWritten.GetWeather(_weatherUtf8);

    [BenchmarkCategory("get_weather"), Benchmark]
    public string Weather_ToolGen_InvokeAsync() => _toolSet.InvokeAsync(_weatherCall, default).Result.ResultJson!;

    [BenchmarkCategory("get_weather"), Benchmark]
    public string Weather_ToolGen_DispatchAsync() => _dispatcher.DispatchAsync(_weatherCall).Result.ResultJson!;

    [BenchmarkCategory("get_weather"), Benchmark]
    public string Weather_ExtensionsAI() => _extensionsAI.GetWeather(Payloads.GetWeather);

    [BenchmarkCategory("mixed"), Benchmark(Baseline = true)]
    public string Mixed_HandWritten() => _handWritten.Mixed(_mixedUtf8);

    [BenchmarkCategory("mixed"), Benchmark]
    public string Mixed_ToolGen_InvokeAsync() => _toolSet.InvokeAsync(_mixedCall, default).Result.ResultJson!;

    [BenchmarkCategory("mixed"), Benchmark]
    public string Mixed_ToolGen_DispatchAsync() => _dispatcher.DispatchAsync(_mixedCall).Result.ResultJson!;

    [BenchmarkCategory("mixed"), Benchmark]
    public string Mixed_ExtensionsAI() => _extensionsAI.Mixed(Payloads.Mixed);

    [BenchmarkCategory("place_order"), Benchmark(Baseline = true)]
    public string Order_HandWritten() => _handWritten.PlaceOrder(_orderUtf8);

    [BenchmarkCategory("place_order"), Benchmark]
    public string Order_ToolGen_InvokeAsync() => _toolSet.InvokeAsync(_orderCall, default).Result.ResultJson!;

    [BenchmarkCategory("place_order"), Benchmark]
    public string Order_ToolGen_DispatchAsync() => _dispatcher.DispatchAsync(_orderCall).Result.ResultJson!;

    [BenchmarkCategory("place_order"), Benchmark]
    public string Order_ExtensionsAI() => _extensionsAI.PlaceOrder(Payloads.PlaceOrder);
}
