using System;
using System.Linq;
using System.Reflection;

namespace ToolGen.PackageTests;

/// <summary>Paths and the version that the project file recorded at build time (AssemblyMetadata).</summary>
internal static class PackageInfo
{
    public static string Version => Get("ToolGenPackageVersion");

    public static string Feed => Get("PackageFeed");

    public static string CompilerDiagnosticsLog => Get("CompilerDiagnosticsLog");

    public static string AnalyzerList => Get("AnalyzerList");

    private static string Get(string key) =>
        typeof(PackageInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException(key);
}
