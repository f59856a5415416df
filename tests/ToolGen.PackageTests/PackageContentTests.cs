using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ToolGen.PackageTests;

/// <summary>What is inside the nupkg: one package with the runtime, the Roslyn components, readme and licence.</summary>
public class PackageContentTests
{
    private static string PackagePath(string id) => Path.Combine(PackageInfo.Feed, $"{id}.{PackageInfo.Version}.nupkg");

    [Fact]
    public void ToolGen_package_holds_runtime_generator_code_fixes_and_readme()
    {
        using var zip = ZipFile.OpenRead(PackagePath("ToolGen"));
        var files = zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/") && !n.StartsWith("package/") && n != "[Content_Types].xml")
            .OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "README.md",
                "ToolGen.nuspec",
                "analyzers/dotnet/cs/ToolGen.CodeFixes.dll",
                "analyzers/dotnet/cs/ToolGen.Generators.dll",
                "lib/net8.0/ToolGen.dll",
                "lib/net8.0/ToolGen.xml",
            },
            files);
    }

    [Fact]
    public void ToolGen_nuspec_has_licence_readme_and_only_Polly_as_dependency()
    {
        using var zip = ZipFile.OpenRead(PackagePath("ToolGen"));
        using var stream = zip.GetEntry("ToolGen.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        XElement Get(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal(PackageInfo.Version, Get("version").Value);
        Assert.Equal("expression", Get("license").Attribute("type")!.Value);
        Assert.Equal("MIT", Get("license").Value);
        Assert.Equal("README.md", Get("readme").Value);

        var group = Assert.Single(Get("dependencies").Elements());
        Assert.Equal("net8.0", group.Attribute("targetFramework")!.Value);
        // System.Text.Json, ActivitySource and Meter are part of net8.0; ILogger is not (the lowest version with the
        // LoggerMessage generator, which has no dependencies of its own on net6.0+).
        Assert.Equal(
            ["Microsoft.Extensions.Logging.Abstractions 6.0.0", "Polly.Core 8.9.1"],
            group.Elements().Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}").Order());
    }
}
