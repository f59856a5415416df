using System;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.ReliabilityTests.Corpus;

/// <summary>
/// Tools with one behaviour each for the load and fault tests, read-only (they change nothing, so a timeout stays
/// "transient"). MaxAttempts = 1 everywhere: retries are covered in
/// ToolGen.Tests, and here every call must end after exactly one attempt without backoff waits.
/// </summary>
public sealed partial class LoadTools
{
    private readonly ManualResetEventSlim _gate;

    public LoadTools(ManualResetEventSlim gate) => _gate = gate;

    /// <summary>Counts invocations of every tool (the cancellation test cancels after a number of them).</summary>
    public int Invocations;

    /// <summary>Counts <c>block</c> calls that got past the gate (none may, until the test opens it).</summary>
    public int BlockersReleased;

    public Action<int>? OnInvoked { get; set; }

    [Tool(ReadOnly = true, MaxAttempts = 1)]
    public int Ok(int n) => Seen(n);

    [Tool("ok_async", ReadOnly = true, MaxAttempts = 1)]
    public async Task<int> OkAsync(int n)
    {
        await Task.Yield();
        return Seen(n);
    }

    [Tool(ReadOnly = true, MaxAttempts = 1)]
    public async Task<int> Transient(int n)
    {
        Seen(n);
        await Task.Yield();
        throw new TimeoutException("upstream timed out");
    }

    /// <summary>Throws before returning a task at all: the exception leaves InvokeAsync synchronously.</summary>
    [Tool(ReadOnly = true, MaxAttempts = 1)]
    public Task<int> Permanent(int n)
    {
        Seen(n);
        throw new ArgumentException("the record does not exist");
    }

    /// <summary>Ignores its token and never finishes: abandoned at its timeout.</summary>
    [Tool(ReadOnly = true, MaxAttempts = 1, TimeoutMilliseconds = 1000)]
    public Task<int> Hang(int n)
    {
        Seen(n);
        return new TaskCompletionSource<int>().Task;
    }

    /// <summary>Blocks its thread until the test opens the gate.</summary>
    [Tool(ReadOnly = true, MaxAttempts = 1, TimeoutMilliseconds = 1000)]
    public int Block(int n)
    {
        Seen(n);
        _gate.Wait();
        Interlocked.Increment(ref BlockersReleased);
        return n;
    }

    private int Seen(int n)
    {
        Interlocked.Increment(ref Invocations);
        OnInvoked?.Invoke(n);
        return n;
    }
}
