using System.Collections.Generic;
using System.Linq;
using global::ModelContextProtocol.Server;

namespace ToolGen.ModelContextProtocol;

/// <summary>A dispatcher's tools as <see cref="McpServerTool"/>s, for servers configured without the builder.</summary>
public static class ToolDispatcherMcpExtensions
{
    /// <summary>
    /// One <see cref="ToolGenMcpServerTool"/> per tool of <paramref name="dispatcher"/>, in its order; each call runs
    /// through the dispatcher. Add them to <c>McpServerOptions.ToolCollection</c>, or use
    /// <c>IMcpServerBuilder.WithToolGenTools</c>, which also serves older clients their output-schema shape.
    /// </summary>
    public static IReadOnlyList<McpServerTool> AsMcpServerTools(this ToolDispatcher dispatcher)
    {
        System.ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.Tools.Select(definition => (McpServerTool)new ToolGenMcpServerTool(dispatcher, definition)).ToArray();
    }
}
