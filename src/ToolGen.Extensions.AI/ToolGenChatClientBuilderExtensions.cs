using System;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ToolGen.Extensions.AI;

/// <summary>Adds ToolGen's function invocation to a Microsoft.Extensions.AI chat pipeline.</summary>
public static class ToolGenChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="ToolGenFunctionInvokingChatClient"/>: function invocation as <c>UseFunctionInvocation</c> does
    /// it, except that the calls of one response to <paramref name="dispatcher"/>'s tools run as one ToolGen batch
    /// (in parallel, bounded, results in order) and invented tool names get ToolGen's did-you-mean. Use it instead of
    /// <c>UseFunctionInvocation</c>, with <c>ChatOptions.Tools = dispatcher.AsAIFunctions()</c>.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="dispatcher">Runs the ToolGen calls.</param>
    /// <param name="configure">Sets the base client's loop settings (<c>MaximumIterationsPerRequest</c>, …).</param>
    public static ChatClientBuilder UseToolGen(this ChatClientBuilder builder, ToolDispatcher dispatcher, Action<ToolGenFunctionInvokingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dispatcher);
        return builder.Use((inner, services) =>
        {
            var client = new ToolGenFunctionInvokingChatClient(inner, dispatcher, services.GetService<ILoggerFactory>(), services);
            configure?.Invoke(client);
            return client;
        });
    }
}
