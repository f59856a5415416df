using System;

namespace ToolGen;

/// <summary>
/// Defaults for every tool of the assembly, read by the ToolGen source generator at compile time:
/// <c>[assembly: ToolDefaults(ArgumentReading = ArgumentReading.Exact)]</c>. A tool's own <see cref="ToolAttribute"/>
/// setting wins.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ToolDefaultsAttribute : Attribute
{
    /// <summary>How tools read arguments when their <see cref="ToolAttribute.ArgumentReading"/> is <see cref="ArgumentReading.Default"/>; lenient when not set.</summary>
    public ArgumentReading ArgumentReading { get; set; }
}
