using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ToolGen.Extensions.AI;

/// <summary>
/// A <see cref="FunctionInvokingChatClient"/> that runs ToolGen tools with ToolGen's batch semantics: all the calls of
/// one model response to tools of its <see cref="ToolDispatcher"/> go through
/// <see cref="ToolDispatcher.DispatchAllAsync"/> together (in parallel, bounded by
/// <see cref="ToolDispatcherOptions.MaxConcurrency"/>, results in call order), and a tool name the model invents is
/// answered with ToolGen's <c>function_not_found</c> result and its "Did you mean" instead of the base client's
/// "Requested function not found". Everything else is the base client's: the loop, its settings
/// (<see cref="FunctionInvokingChatClient.MaximumIterationsPerRequest"/>,
/// <see cref="FunctionInvokingChatClient.MaximumConsecutiveErrorsPerRequest"/>, …), approval requests, streaming and
/// other <see cref="AIFunction"/>s. Create it with
/// <see cref="ToolGenChatClientBuilderExtensions.UseToolGen(ChatClientBuilder, ToolDispatcher, Action{ToolGenFunctionInvokingChatClient}?)"/>.
/// </summary>
/// <remarks>
/// <para>The batch starts when the base client invokes the first ToolGen call of a response; the other ToolGen calls
/// of that response run with it, even if the base client would invoke them later (it invokes one by one unless
/// <see cref="FunctionInvokingChatClient.AllowConcurrentInvocation"/> is set) and even if another function of the same
/// response sets <see cref="FunctionInvocationContext.Terminate"/>. <see cref="FunctionInvokingChatClient.FunctionInvoker"/>
/// applies to the other functions only.</para>
/// <para>A failed ToolGen result (bad arguments, unknown name, timeout, denial…) is sent to the model as ToolGen's
/// JSON envelope and counts as a function error for
/// <see cref="FunctionInvokingChatClient.MaximumConsecutiveErrorsPerRequest"/>: its
/// <see cref="FunctionResultContent.Exception"/> is a <see cref="ToolCallFailedException"/> carrying the result, which
/// the base client throws when the limit is exceeded.</para>
/// </remarks>
public class ToolGenFunctionInvokingChatClient : FunctionInvokingChatClient
{
    // The ToolGen result of each call this client ran, so that CreateResponseMessages can mark failures. Keyed by the
    // call content object, which the base client keeps for the life of the request.
    private readonly ConditionalWeakTable<FunctionCallContent, ToolResult> _results = new();
    private readonly ConditionalWeakTable<FunctionCallContent, BatchSlot> _batches = new();
    private readonly object _gate = new();

    /// <summary>Creates the client over <paramref name="innerClient"/>, running ToolGen tools through <paramref name="dispatcher"/>.</summary>
    public ToolGenFunctionInvokingChatClient(
        IChatClient innerClient,
        ToolDispatcher dispatcher,
        ILoggerFactory? loggerFactory = null,
        IServiceProvider? functionInvocationServices = null)
        : base(innerClient, loggerFactory, functionInvocationServices)
    {
        Dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
    }

    /// <summary>Runs the ToolGen calls of every response.</summary>
    public ToolDispatcher Dispatcher { get; }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeFunctionAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (OwnFunction(context.Function) is not { } function)
        {
            return await base.InvokeFunctionAsync(context, cancellationToken).ConfigureAwait(false);
        }

        // The base client only invokes an approval-required function after the user approved this very call.
        ToolResult result;
        if (context.Function is ApprovalRequiredAIFunction)
        {
            result = Calls.TryToToolCall(context.CallContent, function, context.Arguments.Services, out ToolCall? call, out ToolResult? invalid)
                ? await Dispatcher.DispatchAsync(new ToolCall(call!.Id, call.Name, call.ArgumentsUtf8) { IsPreApproved = true, Services = call.Services }, cancellationToken).ConfigureAwait(false)
                : invalid!;
        }
        else
        {
            result = await BatchResultAsync(context, cancellationToken).ConfigureAwait(false);
        }

        _results.AddOrUpdate(context.CallContent, result);
        if (result.ErrorKind == ToolErrorKind.Canceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return ToolGenAIFunction.ToJson(result);
    }

    /// <inheritdoc />
    protected override IList<ChatMessage> CreateResponseMessages(ReadOnlySpan<FunctionInvocationResult> results)
    {
        IList<ChatMessage> messages = base.CreateResponseMessages(results);
        var notFound = new HashSet<string>(StringComparer.Ordinal);
        foreach (FunctionInvocationResult result in results)
        {
            if (result.Status == FunctionInvocationStatus.NotFound)
            {
                notFound.Add(result.CallContent.CallId);
            }
        }

        foreach (ChatMessage message in messages)
        {
            for (int i = 0; i < message.Contents.Count; i++)
            {
                if (message.Contents[i] is not FunctionResultContent content)
                {
                    continue;
                }

                if (notFound.Contains(content.CallId) && FindCall(results, content.CallId) is { } call)
                {
                    // An invented name: ToolGen's own answer, with its did-you-mean over the dispatcher's tools.
                    ToolResult unknown = ToolResult.Failure(
                        new ToolCall(call.CallId, call.Name, "{}"),
                        ToolErrorKind.FunctionNotFound,
                        ToolErrorCategory.Permanent,
                        ToolNameSuggester.FunctionNotFoundMessage(call.Name, KnownNames()));
                    message.Contents[i] = new FunctionResultContent(call.CallId, ToolGenAIFunction.ToJson(unknown))
                    {
                        Exception = new ToolCallFailedException(unknown),
                    };
                }
                else if (FindCall(results, content.CallId) is { } ran
                    && _results.TryGetValue(ran, out ToolResult? own)
                    && !own.IsSuccess
                    && content.Exception is null)
                {
                    content.Exception = new ToolCallFailedException(own);
                }
            }
        }

        return messages;
    }

    // The names the base client could have found without a request's options: the dispatcher's and AdditionalTools.
    private IEnumerable<string> KnownNames()
    {
        foreach (ToolDefinition tool in Dispatcher.Tools)
        {
            yield return tool.Name;
        }

        if (AdditionalTools is { } additional)
        {
            foreach (AITool tool in additional)
            {
                yield return tool.Name;
            }
        }
    }

    private ToolGenAIFunction? OwnFunction(AIFunction function)
    {
        // An ApprovalRequiredAIFunction hands out its inner function as a service.
        return function.GetService(typeof(ToolGenAIFunction)) is ToolGenAIFunction own && ReferenceEquals(own.Dispatcher, Dispatcher) ? own : null;
    }

    private static FunctionCallContent? FindCall(ReadOnlySpan<FunctionInvocationResult> results, string callId)
    {
        foreach (FunctionInvocationResult result in results)
        {
            if (string.Equals(result.CallContent.CallId, callId, StringComparison.Ordinal))
            {
                return result.CallContent;
            }
        }

        return null;
    }

    /// <summary>
    /// The result of this call from the batch of its response, starting the batch if this is its first ToolGen call.
    /// </summary>
    private Task<ToolResult> BatchResultAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        BatchSlot? slot;
        lock (_gate)
        {
            if (!_batches.TryGetValue(context.CallContent, out slot))
            {
                List<(FunctionCallContent Content, ToolCall? Call, ToolResult? Early)> members = BatchMembers(context);
                var calls = new List<ToolCall>(members.Count);
                foreach (var member in members)
                {
                    if (member.Call is not null)
                    {
                        calls.Add(member.Call);
                    }
                }

                Task<IReadOnlyList<ToolResult>> batch = Dispatcher.DispatchAllAsync(calls, cancellationToken);
                int index = 0;
                foreach (var member in members)
                {
                    var memberSlot = member.Early is not null ? new BatchSlot(member.Early) : new BatchSlot(batch, index++);
                    _batches.AddOrUpdate(member.Content, memberSlot);
                    if (ReferenceEquals(member.Content, context.CallContent))
                    {
                        slot = memberSlot;
                    }
                }
            }
        }

        return slot!.ResultAsync();
    }

    /// <summary>
    /// The ToolGen calls of the response that <paramref name="context"/>'s call belongs to. The base client has added
    /// the response's assistant messages to <see cref="FunctionInvocationContext.Messages"/> before invoking; calls to
    /// approval-required functions are left out (the base client asks the user about them first). When the call is not
    /// found there (the base client resuming after approvals), it is a batch of one.
    /// </summary>
    private List<(FunctionCallContent, ToolCall?, ToolResult?)> BatchMembers(FunctionInvocationContext context)
    {
        var members = new List<(FunctionCallContent, ToolCall?, ToolResult?)>();
        bool containsCurrent = false;
        IList<ChatMessage> messages = context.Messages;
        int first = messages.Count;
        while (first > 0 && messages[first - 1].Role == ChatRole.Assistant)
        {
            first--;
        }

        for (int m = first; m < messages.Count; m++)
        {
            foreach (AIContent content in messages[m].Contents)
            {
                if (content is not FunctionCallContent { InformationalOnly: false } call
                    || FindTool(context, call.Name) is not AIFunction tool
                    || tool is ApprovalRequiredAIFunction
                    || OwnFunction(tool) is not { } function)
                {
                    continue;
                }

                containsCurrent |= ReferenceEquals(call, context.CallContent);
                members.Add(Member(call, function, context.Arguments.Services));
            }
        }

        if (!containsCurrent)
        {
            members.Clear();
            members.Add(Member(context.CallContent, OwnFunction(context.Function)!, context.Arguments.Services));
        }

        return members;
    }

    // Every call of a response gets the services of the invocation (the base client's functionInvocationServices).
    private static (FunctionCallContent, ToolCall?, ToolResult?) Member(FunctionCallContent content, ToolGenAIFunction function, IServiceProvider? services) =>
        Calls.TryToToolCall(content, function, services, out ToolCall? call, out ToolResult? invalid)
            ? (content, call, null)
            : (content, null, invalid);

    private AITool? FindTool(FunctionInvocationContext context, string name)
    {
        foreach (IList<AITool>? tools in new[] { context.Options?.Tools, AdditionalTools })
        {
            if (tools is null)
            {
                continue;
            }

            foreach (AITool tool in tools)
            {
                if (string.Equals(tool.Name, name, StringComparison.Ordinal))
                {
                    return tool;
                }
            }
        }

        return null;
    }

    /// <summary>Where one call's result comes from: its index in a running batch, or a result known up front.</summary>
    private sealed class BatchSlot
    {
        private readonly Task<IReadOnlyList<ToolResult>>? _batch;
        private readonly int _index;
        private readonly ToolResult? _result;

        public BatchSlot(Task<IReadOnlyList<ToolResult>> batch, int index)
        {
            _batch = batch;
            _index = index;
        }

        public BatchSlot(ToolResult result) => _result = result;

        public async Task<ToolResult> ResultAsync() => _result ?? (await _batch!.ConfigureAwait(false))[_index];
    }

    /// <summary>Turns the base client's call contents into ToolGen calls.</summary>
    private static class Calls
    {
        public static bool TryToToolCall(FunctionCallContent content, ToolGenAIFunction function, IServiceProvider? services, out ToolCall? call, out ToolResult? invalid)
        {
            call = null;
            invalid = null;
            if (content.Exception is not null)
            {
                // The chat client could not parse the model's arguments.
                invalid = ToolResult.Failure(
                    new ToolCall(content.CallId, content.Name, "{}"),
                    ToolErrorKind.InvalidArguments,
                    ToolErrorCategory.Permanent,
                    "Arguments are not valid JSON: " + content.Exception.Message);
                return false;
            }

            IEnumerable<KeyValuePair<string, object?>> arguments = content.Arguments ?? (IEnumerable<KeyValuePair<string, object?>>)Array.Empty<KeyValuePair<string, object?>>();
            if (!ArgumentsWriter.TryWrite(arguments, function.JsonSerializerOptions, out ReadOnlyMemory<byte> utf8Json, out string? error))
            {
                invalid = ToolResult.Failure(new ToolCall(content.CallId, content.Name, "{}"), ToolErrorKind.InvalidArguments, ToolErrorCategory.Permanent, error!);
                return false;
            }

            call = new ToolCall(content.CallId, content.Name, utf8Json) { Services = services };
            return true;
        }
    }
}
