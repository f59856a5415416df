using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Trace;
using ToolGen;
using ToolGen.Providers;
using ToolGen.Telemetry;
using TravelAgent;

// With --trace: print every execute_tool span (with its retry events) to the console as the calls finish.
using TracerProvider? tracing = args.Contains("--trace")
    ? Sdk.CreateTracerProviderBuilder().AddSource(ToolGenTelemetry.SourceName).AddConsoleExporter().Build()
    : null;

// 1. The tools, as a model sees them. Everything below was generated at compile time from TravelTools.
var dispatcher = new ToolDispatcher(
    new ToolDispatcherOptions
    {
        BaseDelay = TimeSpan.FromMilliseconds(100), // short backoff so the demo stays quick
        DefaultTimeout = TimeSpan.FromSeconds(5),
    },
    new TravelTools());

Section("OpenAI Chat Completions tools");
Console.WriteLine(Indented(OpenAIChatCompletions.WriteTools(dispatcher.Tools)));
Section("Anthropic Messages tools");
Console.WriteLine(Indented(AnthropicMessages.WriteTools(dispatcher.Tools)));

// 2. A recorded model response asking for seven tool calls at once, one misspelled and one with bad arguments.
string completion = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recorded-response.json"));
var calls = OpenAIChatCompletions.ReadToolCalls(completion);
Section($"Model asked for {calls.Count} tool calls in one response");
foreach (var call in calls)
{
    Console.WriteLine($"  {call.Id,-20} {call.Name}({call.ArgumentsJson})");
}

// 3. Run them all in parallel: timeouts, retries and error categories are the dispatcher's job.
var clock = Stopwatch.StartNew();
var results = await dispatcher.DispatchAllAsync(calls);
clock.Stop();

Section($"Results ({clock.ElapsedMilliseconds} ms for the whole batch, in request order)");
foreach (var result in results)
{
    string outcome = result.IsSuccess ? "ok" : $"{result.ErrorType}/{ToolResult.CategoryName(result.Category)}";
    Console.WriteLine($"  {result.CallId,-20} {outcome,-30} attempts={result.Attempts} elapsed={result.Elapsed.TotalMilliseconds:F0} ms");
}

// 4. What goes back to the model: one tool message per call, errors included, so the model can correct itself.
Section("Tool messages sent back to the model");
Console.WriteLine(Indented(OpenAIChatCompletions.WriteToolMessages(results)));

static void Section(string title) => Console.WriteLine($"{Environment.NewLine}== {title} ==");

static string Indented(string json)
{
    // Pretty-printing for the console only; the wire format is compact.
    using var document = JsonDocument.Parse(json);
    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        document.RootElement.WriteTo(writer);
    }

    return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
}
