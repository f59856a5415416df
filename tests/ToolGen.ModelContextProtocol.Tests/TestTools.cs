using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.ModelContextProtocol.Tests;

/// <summary>A contact card.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Visits">How often they came.</param>
public sealed record Contact(string Name, string Email, int Visits);

/// <summary>A tree, to exercise $defs in an output schema.</summary>
public sealed class Node
{
    public string Name { get; set; } = "";

    public List<Node> Children { get; set; } = new();
}

/// <summary>The tools the in-memory server serves.</summary>
public sealed partial class DirectoryTools
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _canceled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a waiting tool has started.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when a waiting tool saw its token cancelled.</summary>
    public Task Canceled => _canceled.Task;

    /// <summary>Looks up a contact by name.</summary>
    /// <param name="name">The full name.</param>
    [Tool(ReadOnly = true, Title = "Look up a contact")]
    public Contact LookupContact([StringLength(40, MinimumLength = 1)] string name) =>
        new(name, name.ToLowerInvariant().Replace(' ', '.') + "@example.com", name.Length);

    /// <summary>Counts visits.</summary>
    /// <param name="from">First day.</param>
    /// <param name="days">Number of days.</param>
    [Tool(Idempotent = true, OpenWorld = false)]
    public int CountVisits(DateOnly from, [Range(1, 31)] int days = 7) => from.Day + days;

    /// <summary>Lists names.</summary>
    /// <param name="prefix">Only names starting with it.</param>
    [Tool]
    public List<string> ListNames(string prefix = "") => new() { prefix + "Ada", prefix + "Bob" };

    /// <summary>Echoes a text.</summary>
    /// <param name="text">The text.</param>
    [Tool]
    public string Echo(string text) => text;

    /// <summary>Returns a tree.</summary>
    [Tool]
    public Node Tree() => new() { Name = "root", Children = { new Node { Name = "leaf" } } };

    /// <summary>Maybe finds a contact.</summary>
    /// <param name="name">The name.</param>
    [Tool]
    public Contact? Find(string name) => name == "nobody" ? null : new Contact(name, "x@example.com", 0);

    /// <summary>Forgets everything.</summary>
    [Tool]
    public void Forget()
    {
    }

    /// <summary>Fails with a message meant for the model.</summary>
    /// <param name="reason">Why.</param>
    [Tool]
    public string Refuse(string reason) => throw new ToolException("Refused: " + reason);

    /// <summary>Fails with an internal error.</summary>
    [Tool]
    public string Crash() => throw new InvalidOperationException("secret connection string");

    /// <summary>Waits until cancelled.</summary>
    [Tool(TimeoutMilliseconds = 5000, MaxAttempts = 1)]
    public async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => _canceled.TrySetResult());
        _started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        return "never";
    }
}

/// <summary>A scoped service: one per MCP request.</summary>
public sealed class RequestLog : IDisposable
{
    private readonly DisposalRecord _record;

    public RequestLog(DisposalRecord record) => _record = record;

    public Guid Id { get; } = Guid.NewGuid();

    public void Dispose() => _record.Add(Id);
}

/// <summary>A singleton that records disposed scoped services.</summary>
public sealed class DisposalRecord
{
    private readonly List<Guid> _disposed = new();

    public void Add(Guid id)
    {
        lock (_disposed)
        {
            _disposed.Add(id);
        }
    }

    public bool Contains(Guid id)
    {
        lock (_disposed)
        {
            return _disposed.Contains(id);
        }
    }
}

/// <summary>Tools created per call from the request's scope.</summary>
public sealed partial class ScopedTools
{
    private readonly RequestLog _log;
    private readonly RequestLog _sameScope;

    public ScopedTools(RequestLog log, IServiceProvider services)
    {
        _log = log;
        _sameScope = (RequestLog)services.GetService(typeof(RequestLog))!;
    }

    /// <summary>Returns the id of this request's log.</summary>
    [Tool]
    public string RequestId() => _log.Id + (ReferenceEquals(_log, _sameScope) ? "" : " (another scope!)");
}
