namespace ToolGen.Generators;

/// <summary>Names of the incremental pipeline steps, for caching tests.</summary>
internal static class TrackingNames
{
    public const string ToolMethods = nameof(ToolMethods);
    public const string ValidToolMethods = nameof(ValidToolMethods);
    public const string ToolSets = nameof(ToolSets);
}
