using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Tests.Infrastructure;

/// <summary>
/// A hand-written <see cref="IToolSet"/> standing in for generated code: each tool is a delegate, unknown names and
/// argument checks answer like the generator's sets do, and invocations are counted per tool.
/// </summary>
public sealed class FakeToolSet : IToolSet
{
    private readonly List<ToolDefinition> _tools = [];
    private readonly Dictionary<string, Func<ToolCall, CancellationToken, ValueTask<ToolResult>>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _invocations = new(StringComparer.Ordinal);

    public IReadOnlyList<ToolDefinition> Tools => _tools;

    /// <summary>
    /// The annotations of the fake's tools unless a test passes others: idempotent, because most tests here are about
    /// the mechanics of retries and timeouts. RetrySafetyTests pass <see cref="ToolAnnotations.Default"/> (a tool with
    /// side effects, what a generated tool is unless it says otherwise) to test the rules for those.
    /// </summary>
    public static readonly ToolAnnotations Idempotent = new(idempotent: true);

    public static ToolDefinition Definition(string name, int timeoutMilliseconds = 0, int maxAttempts = 0, bool strict = false, ToolAnnotations? annotations = null) =>
        new(
            name,
            $"Runs {name}.",
            Encoding.UTF8.GetBytes("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
            strict ? Encoding.UTF8.GetBytes("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],\"additionalProperties\":false}") : default,
            timeoutMilliseconds,
            maxAttempts,
            strict,
            annotations ?? Idempotent);

    public FakeToolSet Add(ToolDefinition definition, Func<ToolCall, CancellationToken, ValueTask<ToolResult>> handler)
    {
        _tools.Add(definition);
        _handlers.Add(definition.Name, handler);
        return this;
    }

    public FakeToolSet Add(string name, Func<ToolCall, CancellationToken, ValueTask<ToolResult>> handler, int timeoutMilliseconds = 0, int maxAttempts = 0, ToolAnnotations? annotations = null) =>
        Add(Definition(name, timeoutMilliseconds, maxAttempts, annotations: annotations), handler);

    /// <summary>A tool that returns <paramref name="resultJson"/> synchronously.</summary>
    public FakeToolSet Returns(string name, string resultJson) =>
        Add(name, (call, _) => new ValueTask<ToolResult>(ToolResult.Success(call, resultJson)));

    /// <summary>A tool that throws <paramref name="exception"/> synchronously on every call.</summary>
    public FakeToolSet Throws(string name, Func<Exception> exception, int maxAttempts = 0, ToolAnnotations? annotations = null) =>
        Add(name, (_, _) => throw exception(), maxAttempts: maxAttempts, annotations: annotations);

    public int Invocations(string name)
    {
        lock (_invocations)
        {
            return _invocations.GetValueOrDefault(name);
        }
    }

    public ValueTask<ToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(call.Name, out var handler))
        {
            return new ValueTask<ToolResult>(ToolResult.Failure(
                call, ToolErrorKind.FunctionNotFound, ToolErrorCategory.Permanent, $"Unknown function '{call.Name}'."));
        }

        lock (_invocations)
        {
            _invocations[call.Name] = _invocations.GetValueOrDefault(call.Name) + 1;
        }

        return handler(call, cancellationToken);
    }
}
