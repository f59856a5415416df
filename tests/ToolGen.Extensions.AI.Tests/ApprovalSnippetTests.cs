using System.Threading;
using System.Threading.Tasks;
using ToolGen.Extensions.AI.Tests.Snippets;
using Xunit;

namespace ToolGen.Extensions.AI.Tests;

/// <summary>The README's approval snippet does what its comments say.</summary>
public sealed class ApprovalSnippetTests
{
    [Fact]
    public async Task The_snippet_approves_the_small_refund_and_denies_the_large_one()
    {
        (ToolResult small, ToolResult large) = await ApprovalSnippet.RunAsync(CancellationToken.None).Guarded();

        Assert.Equal("""{"success":true,"result":"refunded 30 on A-1"}""", small.Content);
        Assert.Equal(
            """{"success":false,"error":"The call to 'refund' was denied, so it did not run: refunds of 100 or more need a manager","error_type":"denied","category":"permanent"}""",
            large.Content);
    }
}
