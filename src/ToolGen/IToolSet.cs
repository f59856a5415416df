using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen;

/// <summary>
/// A set of tools and the code that runs them. The source generator implements it for every class that declares
/// <see cref="ToolAttribute"/> methods.
/// </summary>
public interface IToolSet
{
    /// <summary>The definitions of the tools in this set, in declaration order.</summary>
    IReadOnlyList<ToolDefinition> Tools { get; }

    /// <summary>
    /// Runs ONE attempt of a call: finds the tool by exact name, parses the arguments, calls the method and writes its
    /// result. Unknown names and bad arguments come back as failed results (category Permanent); an exception thrown by
    /// the tool method itself propagates, for <see cref="ToolDispatcher"/> to classify and retry.
    /// </summary>
    ValueTask<ToolResult> InvokeAsync(ToolCall call, CancellationToken cancellationToken);
}
