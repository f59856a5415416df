using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ToolGen.Benchmarks;

/// <summary>
/// What a Microsoft.Extensions.AI chat client adapter does per call: the arguments string deserialized to a
/// dictionary, AIFunctionFactory's reflection-built function invoked, the result serialized.
/// </summary>
public sealed class ExtensionsAI
{
    private readonly AIFunction _getWeather;
    private readonly AIFunction _mixed;
    private readonly AIFunction _placeOrder;

    public ExtensionsAI()
    {
        var tools = new BenchmarkTools();
        _getWeather = AIFunctionFactory.Create(tools.GetWeather, "get_weather");
        _mixed = AIFunctionFactory.Create(tools.Mixed, "mixed");
        _placeOrder = AIFunctionFactory.Create(tools.PlaceOrder, "place_order");
    }

    public string GetWeather(string json) => Invoke(_getWeather, json);

    public string Mixed(string json) => Invoke(_mixed, json);

    public string PlaceOrder(string json) => Invoke(_placeOrder, json);

    private static string Invoke(AIFunction function, string json)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions)!;
        object? result = function.InvokeAsync(new AIFunctionArguments(arguments)).AsTask().GetAwaiter().GetResult();
        return JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
    }
}
