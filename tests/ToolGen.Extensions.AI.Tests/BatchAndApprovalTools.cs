using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>
/// Proves that calls run together without timing anything: each call waits until every expected call has started,
/// so calls run one after another would never finish (the test's guard fails them).
/// </summary>
public sealed partial class RendezvousTools(int expected)
{
    private readonly TaskCompletionSource _everyoneArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Waits for the other travellers, then says who arrived.</summary>
    /// <param name="name">Who arrives.</param>
    [Tool]
    public async Task<string> MeetAsync(string name, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _arrived) == expected)
        {
            _everyoneArrived.SetResult();
        }

        await _everyoneArrived.Task.WaitAsync(cancellationToken);
        return $"{name} met everyone";
    }
}

/// <summary>A tool with a side effect that must be approved before it runs.</summary>
public sealed partial class RefundTools
{
    private int _refunds;

    /// <summary>How many refunds actually ran.</summary>
    public int Refunds => _refunds;

    /// <summary>Refunds an order.</summary>
    /// <param name="order">The order id.</param>
    /// <param name="amount">The amount to refund.</param>
    [Tool(RequiresApproval = true)]
    public string Refund(string order, decimal amount)
    {
        Interlocked.Increment(ref _refunds);
        return $"refunded {amount} on {order}";
    }

    /// <summary>Looks an order up.</summary>
    /// <param name="order">The order id.</param>
    [Tool]
    public string LookupOrder(string order) => $"{order}: shipped";
}

/// <summary>A service the greeting tool takes from the call's services.</summary>
public sealed class Greeter
{
    public string Prefix { get; init; } = "Hello";
}

/// <summary>A tool with a service parameter: not in the schema, resolved for each call.</summary>
public static partial class GreetingTools
{
    /// <summary>Greets someone.</summary>
    /// <param name="name">Who to greet.</param>
    [Tool]
    public static string Greet(string name, [FromServices] Greeter greeter) => $"{greeter.Prefix} {name}";
}
