using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace ToolGen.Extensions.AI;

/// <summary>
/// One generated ToolGen tool as a Microsoft.Extensions.AI <see cref="AIFunction"/>: name, description and JSON Schema
/// come from its <see cref="ToolDefinition"/>, and every invocation runs through a <see cref="ToolDispatcher"/>, so the
/// generated parser, timeouts, retries and error categories apply. Create it with
/// <see cref="ToolGenAIExtensions.AsAIFunctions(ToolDispatcher, JsonSerializerOptions?)"/>.
/// </summary>
/// <remarks>
/// <para>The function returns <see cref="ToolResult.Content"/> as a <see cref="JsonElement"/>:
/// <c>{"success":true,"result":…}</c> or <c>{"success":false,"error":…,"error_type":…,"category":…}</c>. Failures
/// are results, not exceptions, so <c>FunctionInvokingChatClient</c> sends the model the same envelope the provider
/// formats of <c>ToolGen.Providers</c> send, with a message it can act on, whatever <c>IncludeDetailedErrors</c> says.
/// The one exception is cancellation by the caller's token, which throws <see cref="OperationCanceledException"/> as
/// .NET callers expect.</para>
/// <para>Strict tools (<see cref="ToolDefinition.Strict"/>) expose their strict schema and
/// <c>AdditionalProperties["strict"] = true</c>, which Microsoft.Extensions.AI.OpenAI turns into OpenAI strict mode.</para>
/// </remarks>
public sealed class ToolGenAIFunction : AIFunction
{
    // Schemas are parsed once per definition (definitions are static, generated singletons), not per AsAIFunctions call.
    private static readonly ConditionalWeakTable<ToolDefinition, StrongBox<JsonElement>> Schemas = new();

    private static readonly IReadOnlyDictionary<string, object?> StrictProperties =
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["strict"] = true };

    internal ToolGenAIFunction(ToolDefinition definition, ToolDispatcher dispatcher, JsonSerializerOptions serializerOptions, bool approvedByHost = false)
    {
        Definition = definition;
        Dispatcher = dispatcher;
        ApprovedByHost = approvedByHost;
        JsonSerializerOptions = serializerOptions;
        JsonSchema = Schemas.GetValue(definition, static d => new StrongBox<JsonElement>(ParseSchema(d))).Value;
    }

    /// <summary>The dispatcher every invocation runs through.</summary>
    public ToolDispatcher Dispatcher { get; }

    /// <summary>
    /// Whether this function sits inside an <see cref="ApprovalRequiredAIFunction"/>: the host (for example
    /// <c>FunctionInvokingChatClient</c>) asks the user before it invokes, so an invocation is an approved call and the
    /// dispatcher's own approver is not asked again.
    /// </summary>
    internal bool ApprovedByHost { get; }

    /// <summary>The generated definition this function exposes.</summary>
    public ToolDefinition Definition { get; }

    /// <inheritdoc />
    public override string Name => Definition.Name;

    /// <inheritdoc />
    public override string Description => Definition.Description;

    /// <summary>The generated input schema (the strict variant for strict tools), parsed once.</summary>
    public override JsonElement JsonSchema { get; }

    /// <summary>Used only to write argument values that are neither JSON nor primitives (see the remarks of <see cref="ToolGenAIExtensions"/>).</summary>
    public override JsonSerializerOptions JsonSerializerOptions { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> AdditionalProperties =>
        Definition.Strict ? StrictProperties : base.AdditionalProperties;

    /// <summary>
    /// Runs the tool with <paramref name="arguments"/> through the dispatcher and returns the whole
    /// <see cref="ToolResult"/> (error kind, category, attempts, elapsed time). Never throws for a tool failure.
    /// </summary>
    public ValueTask<ToolResult> InvokeToolAsync(AIFunctionArguments arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        // AIFunctionArguments does not carry the provider's call id; the envelope the model sees does not contain it.
        const string callId = "";
        if (!ArgumentsWriter.TryWrite(arguments, JsonSerializerOptions, out ReadOnlyMemory<byte> utf8Json, out string? error))
        {
            var call = new ToolCall(callId, Name, "{}");
            return new ValueTask<ToolResult>(ToolResult.Failure(call, ToolErrorKind.InvalidArguments, ToolErrorCategory.Permanent, error!));
        }

        // The invoker's services (FunctionInvokingChatClient's, the agent's) reach [FromServices] parameters.
        var toolCall = new ToolCall(callId, Name, utf8Json) { IsPreApproved = ApprovedByHost, Services = arguments.Services };
        return Dispatcher.DispatchAsync(toolCall, cancellationToken);
    }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ToolResult result = await InvokeToolAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ErrorKind == ToolErrorKind.Canceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return ToJson(result);
    }

    /// <summary>What a function returns for <paramref name="result"/>: its <see cref="ToolResult.Content"/> as a <see cref="JsonElement"/>.</summary>
    internal static JsonElement ToJson(ToolResult result)
    {
        using JsonDocument content = JsonDocument.Parse(result.Content);
        return content.RootElement.Clone();
    }

    private static JsonElement ParseSchema(ToolDefinition definition)
    {
        using JsonDocument schema = JsonDocument.Parse(definition.Strict ? definition.StrictInputSchemaUtf8 : definition.InputSchemaUtf8);
        return schema.RootElement.Clone();
    }
}
