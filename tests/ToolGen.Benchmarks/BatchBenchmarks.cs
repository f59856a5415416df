using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace ToolGen.Benchmarks;

/// <summary>100 calls to a tool that awaits 50 ms: the batch should take about as long as one call.</summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private readonly ToolDispatcher _dispatcher = new(new ToolDispatcherOptions { MaxConcurrency = int.MaxValue }, new BenchmarkTools());
    private readonly ToolCall[] _batch = Enumerable.Range(0, 100).Select(i => new ToolCall("call_" + i, "slow", "{\"n\":" + i + "}")).ToArray();

    [Benchmark(Baseline = true)]
    public async Task<ToolResult> OneCall() => await _dispatcher.DispatchAsync(_batch[0]);

    [Benchmark]
    public async Task<int> HundredCalls() => (await _dispatcher.DispatchAllAsync(_batch)).Count;
}
