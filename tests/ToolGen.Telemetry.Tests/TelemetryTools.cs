using System.ComponentModel;

namespace ToolGen.Telemetry.Tests;

/// <summary>Generated tools: the argument checks and envelopes of real generated code.</summary>
public sealed partial class TelemetryTools
{
    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city name.</param>
    [Tool]
    public string GetWeather(string city) => $"sunny in {city}";

    /// <summary>Converts an amount between currencies.</summary>
    /// <param name="amount">The amount to convert.</param>
    /// <param name="currency">The ISO 4217 target currency.</param>
    [Tool]
    public decimal Convert([Description("The amount.")] decimal amount, string currency) => amount * 2;

    /// <summary>Refunds an order.</summary>
    /// <param name="amount">The amount to refund.</param>
    [Tool(RequiresApproval = true)]
    public string Refund(decimal amount) => $"refunded {amount}";
}
