using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using ToolGen;
using ToolGen.Samples.Aot;

// A batch like one model response with parallel tool calls, run through the dispatcher; each result is compared with
// the exact JSON expected, so a native binary that parses or serialises differently from the JIT build fails here.
var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { MaxAttempts = 1 }, new ShopTools(), WarehouseTools.ToolSet);

// The dependency-injection path: a real container; [FromServices] parameters are resolved from the call's services.
using ServiceProvider services = new ServiceCollection().AddSingleton(new Warehouse { Name = "Lyon" }).BuildServiceProvider();

var cases = new (ToolCall Call, string Expected)[]
{
    (new ToolCall("call_1", "quote_order",
        """{"order":{"lines":[{"sku":"A-1","quantity":2,"unitPrice":9.5},{"sku":"B-2","quantity":1,"unitPrice":20}],"shipTo":{"city":"Lyon","country":"FR"},"priority":"Express"}}"""),
     """{"success":true,"result":{"subtotal":39.0,"shipping":15,"total":54.0,"items":3,"destination":"Lyon, FR (EU)"}}"""),
    (new ToolCall("call_2", "summarize", """{"values":[3,1.5,4.5]}"""),
     """{"success":true,"result":{"count":3,"min":1.5,"max":4.5,"mean":3}}"""),
    (new ToolCall("call_3", "same_day_priorities", """{"hour":14}"""),
     """{"success":true,"result":["Express"]}"""),
    (new ToolCall("call_4", "quote_order", """{"order":{"lines":[],"shipTo":{"city":"Oslo"}}}"""),
     """{"success":false,"error":"Missing required argument 'order.shipTo.country'.","error_type":"missing_argument","category":"permanent"}"""),
    (new ToolCall("call_5", "same_day_priorities", """{"hour":"noon"}"""),
     """{"success":false,"error":"Invalid value for 'hour': expected an integer between -2147483648 and 2147483647, or a string holding exactly one (got another string).","error_type":"invalid_arguments","category":"permanent"}"""),
    (new ToolCall("call_7", "reserve", """{"sku":"A-1","quantity":2}""") { Services = services },
     """{"success":true,"result":"2 x A-1 reserved in Lyon"}"""),
    (new ToolCall("call_8", "reserve", """{"sku":"A-1","quantity":2}"""),
     """{"success":false,"error":"The tool 'reserve' needs services for its parameter 'warehouse', but the call carries none; dispatch it with ToolCall.Services set (the Microsoft.Extensions.AI adapter does).","error_type":"execution_error","category":"permanent"}"""),
    (new ToolCall("call_6", "sumarize", """{"values":[1]}"""),
     """{"success":false,"error":"Unknown function 'sumarize'. Did you mean 'summarize'?","error_type":"function_not_found","category":"permanent"}"""),
};

var calls = new List<ToolCall>();
foreach (var c in cases)
{
    calls.Add(c.Call);
}

// False in the native binary (and under `dotnet run` too, since PublishAot sets the same feature switch).
Console.WriteLine($"dynamic code supported: {System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported}");
foreach (var definition in dispatcher.Tools)
{
    Console.WriteLine($"tool {definition.Name}: {definition.InputSchema}");
}

var results = await dispatcher.DispatchAllAsync(calls);
int mismatches = 0;
for (int i = 0; i < cases.Length; i++)
{
    bool ok = results[i].CallId == cases[i].Call.Id && results[i].Content == cases[i].Expected;
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {cases[i].Call.Name} #{results[i].CallId} -> {results[i].Content}");
    if (!ok)
    {
        Console.WriteLine($"     expected {cases[i].Expected}");
        mismatches++;
    }
}

Console.WriteLine(mismatches == 0 ? $"all {cases.Length} results as expected" : $"{mismatches} of {cases.Length} results differ");
return mismatches == 0 ? 0 : 1;
