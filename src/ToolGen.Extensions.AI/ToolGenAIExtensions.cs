using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ToolGen.Extensions.AI;

/// <summary>Exposes ToolGen tools to Microsoft.Extensions.AI as <see cref="AIFunction"/>s.</summary>
/// <remarks>
/// <para>Arguments: <see cref="AIFunctionArguments"/> values may be <see cref="JsonElement"/>s (what chat clients parse
/// from the model), <c>JsonNode</c>s, strings, booleans, numbers, <see langword="null"/>, the date/time/Guid/Uri types,
/// enums, string-keyed dictionaries and sequences: all are written to UTF-8 JSON with <see cref="Utf8JsonWriter"/>,
/// without reflection, and read by the generated parser like any model payload. Other CLR objects are written through
/// the serializer options' type contract (the default is <see cref="AIJsonUtilities.DefaultOptions"/>); where no
/// contract exists without reflection (Native AOT), the call fails with an <c>invalid_arguments</c> result naming the
/// argument, rather than throwing.</para>
/// </remarks>
public static class ToolGenAIExtensions
{
    /// <summary>
    /// One <see cref="ToolGenAIFunction"/> per tool of the dispatcher, in its order. The list is new and mutable on
    /// every call, so it can be assigned to <c>ChatOptions.Tools</c> directly and other tools added to it.
    /// </summary>
    /// <remarks>
    /// A tool with <see cref="ToolDefinition.RequiresApproval"/> on a dispatcher without
    /// <see cref="ToolDispatcherOptions.Approver"/> is wrapped in an <see cref="ApprovalRequiredAIFunction"/>, so that
    /// <c>FunctionInvokingChatClient</c> (and the Agent Framework) ask the user with a <see cref="ToolApprovalRequestContent"/>
    /// and run the call only once it is approved. With an approver, the approver decides and the function is not wrapped:
    /// one gate per tool.
    /// </remarks>
    /// <param name="dispatcher">Runs every invocation (timeouts, retries, error categories).</param>
    /// <param name="serializerOptions">For argument values that are neither JSON nor primitives; defaults to
    /// <see cref="AIJsonUtilities.DefaultOptions"/>.</param>
    public static IList<AITool> AsAIFunctions(this ToolDispatcher dispatcher, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        JsonSerializerOptions options = serializerOptions ?? AIJsonUtilities.DefaultOptions;
        var functions = new List<AITool>(dispatcher.Tools.Count);
        foreach (ToolDefinition definition in dispatcher.Tools)
        {
            functions.Add(definition.RequiresApproval && !dispatcher.HasApprover
                ? new ApprovalRequiredAIFunction(new ToolGenAIFunction(definition, dispatcher, options, approvedByHost: true))
                : new ToolGenAIFunction(definition, dispatcher, options));
        }

        return functions;
    }

    /// <summary>
    /// The tools of one set as <see cref="AIFunction"/>s, run through a new <see cref="ToolDispatcher"/> built with
    /// <paramref name="options"/> (the defaults when null), so that a tool set gets the same timeouts, retries and
    /// error envelopes as a dispatcher. Build the dispatcher yourself to share it between several sets.
    /// </summary>
    /// <param name="toolSet">The generated tool set.</param>
    /// <param name="options">The dispatcher's options (timeouts, retries); the defaults when null.</param>
    /// <param name="serializerOptions">For argument values that are neither JSON nor primitives; defaults to
    /// <see cref="AIJsonUtilities.DefaultOptions"/>.</param>
    public static IList<AITool> AsAIFunctions(this IToolSet toolSet, ToolDispatcherOptions? options = null, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(toolSet);
        return new ToolDispatcher(options ?? new ToolDispatcherOptions(), toolSet).AsAIFunctions(serializerOptions);
    }
}
