using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.ModelContextProtocol.Tests.Snippets;

/// <summary>A weather report.</summary>
/// <param name="City">The city.</param>
/// <param name="Temperature">Degrees.</param>
public sealed record Weather(string City, double Temperature);

/// <summary>The README's "Three lines" class, for the snippet.</summary>
public sealed partial class WeatherTools
{
    /// <summary>Gets the current weather for a city.</summary>
    /// <param name="city">The city name, e.g. "Paris".</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    [Tool]
    public Task<Weather> GetWeatherAsync(string city, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Weather(city, 18.5));
}
