using System.Globalization;
using System.Text;

namespace ToolGen.Dispatching;

/// <summary>
/// Keeps an oversized result out of the model's context: a successful result whose JSON is larger than
/// <see cref="ToolDispatcherOptions.MaxResultBytes"/> becomes a failure saying so, which the model can act on by
/// asking for less.
/// </summary>
internal static class ResultSizeLimit
{
    public static ToolResult Apply(ToolResult result, int maxBytes)
    {
        if (!result.IsSuccess)
        {
            return result;
        }

        string json = result.ResultJson!;

        // UTF-8 needs at most 3 bytes per UTF-16 char: almost every result is decided without counting.
        if ((long)json.Length * 3 <= maxBytes)
        {
            return result;
        }

        int bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes <= maxBytes)
        {
            return result;
        }

        return ToolResult.Failure(
            new ToolCall(result.CallId, result.ToolName, "{}"),
            ToolErrorKind.ExecutionError,
            ToolErrorCategory.Permanent,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The result of '{result.ToolName}' is {bytes:N0} bytes of JSON, over the limit of {maxBytes:N0} bytes; ask for less (narrower criteria, fewer items, a page)."));
    }
}
