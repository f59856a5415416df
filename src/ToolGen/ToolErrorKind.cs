namespace ToolGen;

/// <summary>What went wrong with a tool call. Written to the model as <c>error_type</c>.</summary>
public enum ToolErrorKind
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>No tool has the requested name (<c>function_not_found</c>).</summary>
    FunctionNotFound,

    /// <summary>A required argument is absent (<c>missing_argument</c>).</summary>
    MissingArgument,

    /// <summary>The arguments are not valid JSON or do not match the tool's schema (<c>invalid_arguments</c>).</summary>
    InvalidArguments,

    /// <summary>The tool threw an exception (<c>execution_error</c>).</summary>
    ExecutionError,

    /// <summary>The tool did not finish within its timeout (<c>timeout</c>).</summary>
    Timeout,

    /// <summary>The caller canceled the call (<c>canceled</c>).</summary>
    Canceled,

    /// <summary>The call needed approval and did not get it, so the tool never ran (<c>denied</c>).</summary>
    Denied,
}
