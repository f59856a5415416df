using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.Extensions.AI.Tests.Snippets;

// The code between the README markers is copied verbatim into README.md ("Approval"); ReadmeTests keeps them equal,
// and ApprovalSnippetTests runs it.
internal static class ApprovalSnippet
{
    public static async Task<(ToolResult Small, ToolResult Large)> RunAsync(CancellationToken ct)
    {
        // README:start Approval
        // [Tool(RequiresApproval = true)] public string Refund(string order, decimal amount) => …
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions
        {
            // Refunds under 100 are approved automatically; the rest are denied with a reason the model reads.
            Approver = (request, _) => new ValueTask<ToolApproval>(
                request.Arguments.GetProperty("amount").GetDecimal() < 100
                    ? ToolApproval.Approve()
                    : ToolApproval.Deny("refunds of 100 or more need a manager")),
        }, new RefundTools());

        ToolResult small = await dispatcher.DispatchAsync(new ToolCall("c1", "refund", """{"order":"A-1","amount":30}"""), ct);
        ToolResult large = await dispatcher.DispatchAsync(new ToolCall("c2", "refund", """{"order":"B-2","amount":900}"""), ct);
        // small.Content: {"success":true,"result":"refunded 30 on A-1"}
        // large.Content: {"success":false,"error":"The call to 'refund' was denied, so it did not run: refunds of 100 or more need a manager","error_type":"denied","category":"permanent"}
        // README:end
        return (small, large);
    }
}
