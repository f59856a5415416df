using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.ReliabilityTests.Infrastructure;

/// <summary>
/// The same tools, marked <see cref="ToolDefinition.RunInline"/>: the dispatcher then runs each call on the caller's
/// thread, so <see cref="SyncAllocation"/> can read what a call allocates from that thread's counter. Parsing,
/// validation and the error results are the same code on either thread; only where the call runs differs.
/// </summary>
internal sealed class InlineToolSet(IToolSet inner) : IToolSet
{
    public IReadOnlyList<ToolDefinition> Tools { get; } = inner.Tools.Select(Inline).ToArray();

    public ValueTask<ToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken) => inner.InvokeAsync(call, cancellationToken);

    private static ToolDefinition Inline(ToolDefinition d) => new(
        d.Name, d.Description, d.InputSchemaUtf8, d.StrictInputSchemaUtf8, d.TimeoutMilliseconds, d.MaxAttempts, d.Strict,
        d.Annotations, runInline: true, d.DeadlineMilliseconds, d.MaxConcurrency, d.OutputSchemaUtf8)
    {
        RequiresApproval = d.RequiresApproval,
    };
}
