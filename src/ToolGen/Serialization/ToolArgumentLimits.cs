namespace ToolGen.Serialization;

/// <summary>
/// Bounds on the model's arguments, enforced before parsing allocates anything in proportion to the input.
/// </summary>
public static class ToolArgumentLimits
{
    /// <summary>The deepest nesting of arrays and objects accepted in arguments (the root object is depth 1).</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest arguments payload accepted, in UTF-8 bytes (4 MiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;
}
