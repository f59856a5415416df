using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen;

/// <summary>
/// The tools of <typeparamref name="T"/>, run on a new instance per call, created from the call's
/// <see cref="ToolCall.Services"/> by the generated <see cref="IServiceToolSet{TSelf}.Create"/>. The instance is disposed
/// (if disposable) when its call ends. Use it where each call has its own service scope: an MCP or HTTP request.
/// </summary>
/// <typeparam name="T">A generated tool class.</typeparam>
public sealed class PerCallToolSet<T> : IToolSet
    where T : class, IServiceToolSet<T>
{
    /// <inheritdoc />
    public IReadOnlyList<ToolDefinition> Tools => T.ToolDefinitions;

    /// <inheritdoc />
    public ValueTask<ToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Services is not { } services)
        {
            return new ValueTask<ToolResult>(ToolResult.Failure(
                call,
                ToolErrorKind.ExecutionError,
                ToolErrorCategory.Permanent,
                $"The tool '{call.Name}' is created per call from services, but the call carries none."));
        }

        // A constructor that throws (a missing service, a failing dependency) is the tool failing: the dispatcher
        // classifies the exception like any other.
        T instance = T.Create(services);
        if (instance is not IDisposable and not IAsyncDisposable)
        {
            return instance.InvokeAsync(call, cancellationToken);
        }

        return new ValueTask<ToolResult>(InvokeAndDisposeAsync(instance, call, cancellationToken));
    }

    private static async Task<ToolResult> InvokeAndDisposeAsync(T instance, ToolCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await instance.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                ((IDisposable)instance).Dispose();
            }
        }
    }
}
