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

// 5. The sample checks itself (.ci/run runs it): each call's outcome and attempts are what the tools are built to
// produce, in request order; anything else exits 1.
(string Id, string Outcome, int Attempts)[] expected =
[
    ("call_weather_paris", "ok", 1),
    ("call_weather_tokyo", "ok", 1),
    ("call_rate", "ok", 3), // two transient 503s, then the rate
    ("call_flights", "ok", 1),
    ("call_hotel", "timeout/unknown", 1), // takes 5 s, times out at 300 ms; a booking may still complete: one attempt, "check first"
    ("call_typo", "function_not_found/permanent", 1),
    ("call_bad_args", "invalid_arguments/permanent", 1),
];
var actual = results.Select(r => (r.CallId, r.IsSuccess ? "ok" : $"{r.ErrorType}/{ToolResult.CategoryName(r.Category)}", r.Attempts)).ToArray();
if (!actual.SequenceEqual(expected))
{
    Console.Error.WriteLine($"UNEXPECTED results: {string.Join(", ", actual)}; expected {string.Join(", ", expected)}");
    return 1;
}

Console.WriteLine($"{Environment.NewLine}Every result is the expected one.");
return 0;

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
