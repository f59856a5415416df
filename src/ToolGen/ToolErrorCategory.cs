namespace ToolGen;

/// <summary>Whether a failed call is worth retrying. Written to the model as <c>category</c>.</summary>
public enum ToolErrorCategory
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>A passing failure (rate limit, timeout, network): retried with backoff.</summary>
    Transient,

    /// <summary>Retrying the same call cannot help (bad input, missing resource): fails fast.</summary>
    Permanent,

    /// <summary>Not recognised as either: retried once.</summary>
    Unknown,
}
