using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.IntegrationTests;

/// <summary>A service a tool class takes in its constructor.</summary>
public sealed class Counter
{
    public int Value;
}

/// <summary>An optional service.</summary>
public sealed class Greeting
{
    public string Text { get; init; } = "Hello";
}

/// <summary>A tool class created per call: its constructor arguments come from the call's services.</summary>
public sealed partial class ScopedTools : IDisposable
{
    private readonly Counter _counter;
    private readonly Greeting? _greeting;
    private readonly int _step;

    public ScopedTools() : this(new Counter())
    {
    }

    // The constructor with the most parameters is the one the generated factory calls.
    public ScopedTools(Counter counter, Greeting? greeting = null, int step = 1)
    {
        _counter = counter;
        _greeting = greeting;
        _step = step;
    }

    public static int Disposed;

    /// <summary>Counts and greets.</summary>
    /// <param name="name">Who to greet.</param>
    [Tool]
    public string Greet(string name)
    {
        _counter.Value += _step;
        return $"{_greeting?.Text ?? "Hi"} {name} #{_counter.Value}";
    }

    /// <summary>Waits for its token.</summary>
    [Tool]
    public async Task<string> WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return "never";
    }

    public void Dispose() => Interlocked.Increment(ref Disposed);
}

/// <summary>A class whose only constructor is private gets no factory.</summary>
public sealed partial class PrivateConstructorTools
{
    private PrivateConstructorTools()
    {
    }

    public static PrivateConstructorTools Instance { get; } = new();

    /// <summary>Pings.</summary>
    [Tool]
    public string Ping() => "pong";
}

public class PerCallToolSetTests
{
    private sealed class Services(Dictionary<Type, object> services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => services.TryGetValue(serviceType, out var service) ? service : null;
    }

    [Fact]
    public async Task Each_call_gets_a_new_instance_built_from_its_own_services()
    {
        var dispatcher = new ToolDispatcher(new PerCallToolSet<ScopedTools>());
        var first = new Counter();
        var second = new Counter();
        var a = await dispatcher.DispatchAsync(new ToolCall("1", "greet", """{"name":"Ada"}""") { Services = new Services(new() { [typeof(Counter)] = first }) });
        var b = await dispatcher.DispatchAsync(new ToolCall("2", "greet", """{"name":"Bob"}""") { Services = new Services(new() { [typeof(Counter)] = first, [typeof(Greeting)] = new Greeting { Text = "Hey" }, [typeof(int)] = 10 }) });
        var c = await dispatcher.DispatchAsync(new ToolCall("3", "greet", """{"name":"Cy"}""") { Services = new Services(new() { [typeof(Counter)] = second }) });
        Assert.Equal("\"Hi Ada #1\"", a.ResultJson);
        Assert.Equal("\"Hey Bob #11\"", b.ResultJson);
        Assert.Equal("\"Hi Cy #1\"", c.ResultJson);
        Assert.Equal(11, first.Value);
    }

    [Fact]
    public async Task A_missing_required_service_is_a_permanent_execution_error_naming_it()
    {
        var dispatcher = new ToolDispatcher(new PerCallToolSet<ScopedTools>());
        var result = await dispatcher.DispatchAsync(new ToolCall("1", "greet", """{"name":"Ada"}""") { Services = new Services(new()) });
        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Permanent, result.Category);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("'ScopedTools' needs a service of type 'Counter'", result.ErrorMessage);
    }

    [Fact]
    public async Task A_call_without_services_fails_instead_of_throwing()
    {
        var result = await new ToolDispatcher(new PerCallToolSet<ScopedTools>()).DispatchAsync(new ToolCall("1", "greet", """{"name":"Ada"}"""));
        Assert.Equal(ToolErrorKind.ExecutionError, result.ErrorKind);
        Assert.Contains("carries none", result.ErrorMessage);
    }

    [Fact]
    public async Task The_instance_is_disposed_when_its_call_ends_even_on_timeout_after_the_tool_stops()
    {
        var services = new Services(new() { [typeof(Counter)] = new Counter() });
        var set = new PerCallToolSet<ScopedTools>();
        int before = Volatile.Read(ref ScopedTools.Disposed);
        await set.InvokeAsync(new ToolCall("1", "greet", """{"name":"Ada"}""") { Services = services }, default);
        Assert.Equal(before + 1, Volatile.Read(ref ScopedTools.Disposed));

        using var cancel = new CancellationTokenSource();
        var pending = set.InvokeAsync(new ToolCall("2", "wait", "{}") { Services = services }, cancel.Token);
        Assert.False(pending.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
        Assert.Equal(before + 2, Volatile.Read(ref ScopedTools.Disposed));
    }

    [Fact]
    public void Only_classes_with_a_public_constructor_get_the_factory()
    {
        Assert.True(typeof(IServiceToolSet<ScopedTools>).IsAssignableFrom(typeof(ScopedTools)));
        Assert.True(typeof(IServiceToolSet<WeatherTools>).IsAssignableFrom(typeof(WeatherTools)));
        Assert.Null(typeof(PrivateConstructorTools).GetInterface("IServiceToolSet`1"));
        Assert.Equal(ScopedTools.ToolDefinitions, new PerCallToolSet<ScopedTools>().Tools);
    }
}
