using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace TravelAgent;

/// <summary>Temperature units.</summary>
public enum Unit
{
    Celsius,
    Fahrenheit,
}

/// <summary>Cabin classes.</summary>
public enum Cabin
{
    Economy,
    Business,
}

/// <summary>The weather at one place.</summary>
public sealed record Weather(string City, double Temperature, Unit Unit, string Conditions);

/// <summary>What the traveller is looking for.</summary>
/// <param name="From">IATA code of the departure airport, e.g. "CDG".</param>
/// <param name="To">IATA code of the arrival airport, e.g. "HND".</param>
/// <param name="Date">Departure date.</param>
/// <param name="Passengers">How many people travel.</param>
/// <param name="Cabin">The cabin class.</param>
public sealed record FlightQuery(
    [RegularExpression("[A-Z]{3}")] string From,
    [RegularExpression("[A-Z]{3}")] string To,
    DateOnly Date,
    [Range(1, 9)] int Passengers = 1,
    Cabin Cabin = Cabin.Economy);

/// <summary>A flight on offer.</summary>
public sealed record Flight(string Number, DateTimeOffset Departs, decimal Price, string Currency);

/// <summary>The tools a travel assistant model can call.</summary>
public sealed partial class TravelTools
{
    private int _exchangeRateCalls;

    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city name, e.g. "Paris".</param>
    /// <param name="unit">The temperature unit.</param>
    [Tool(ReadOnly = true, Title = "Current weather")] // only reads: safe to retry
    public async Task<Weather> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(40), cancellationToken); // a real weather service takes a while
        double celsius = city.Length * 2.5;
        return new Weather(city, unit == Unit.Celsius ? celsius : (celsius * 9 / 5) + 32, unit, "partly cloudy");
    }

    /// <summary>Gets the exchange rate between two currencies (the rate service is flaky).</summary>
    /// <param name="from">ISO 4217 code of the currency to convert from.</param>
    /// <param name="to">ISO 4217 code of the currency to convert to.</param>
    [Tool(ReadOnly = true, Title = "Exchange rate")]
    public decimal GetExchangeRate([StringLength(3, MinimumLength = 3)] string from, [StringLength(3, MinimumLength = 3)] string to)
    {
        if (Interlocked.Increment(ref _exchangeRateCalls) <= 2)
        {
            // Transient, and the tool is read-only: the dispatcher retries with exponential backoff.
            throw new HttpRequestException("Rate service unavailable", null, HttpStatusCode.ServiceUnavailable);
        }

        return from == to ? 1m : 157.42m;
    }

    /// <summary>Searches flights.</summary>
    /// <param name="query">Where, when and how many.</param>
    [Tool(ReadOnly = true, Title = "Flight search")]
    public IReadOnlyList<Flight> SearchFlights(FlightQuery query) => new[]
    {
        new Flight("AF276", new DateTimeOffset(query.Date.ToDateTime(new TimeOnly(10, 50)), TimeSpan.FromHours(1)), 812.40m * query.Passengers, "EUR"),
        new Flight("JL46", new DateTimeOffset(query.Date.ToDateTime(new TimeOnly(19, 55)), TimeSpan.FromHours(1)), 905.00m * query.Passengers, "EUR"),
    };

    /// <summary>Books a hotel room (the booking system hangs).</summary>
    /// <param name="city">The city.</param>
    /// <param name="nights">How many nights.</param>
    [Tool(TimeoutMilliseconds = 300, Title = "Hotel booking")] // has side effects (the default): one attempt, never retried
    public async Task<string> BookHotelAsync(string city, [Range(1, 30)] int nights)
    {
        // Ignores cancellation on purpose: the dispatcher abandons it at the timeout and answers anyway, telling the
        // model that the booking may still go through, so it must check before booking again.
        await Task.Delay(TimeSpan.FromSeconds(5));
        return $"Booked {nights} nights in {city}";
    }
}
