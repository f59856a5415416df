#if HAS_EXTENSIONS_AI
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using ToolGen.Extensions.AI;
using Xunit;

namespace ToolGen.PackageTests;

/// <summary>The ToolGen.Extensions.AI package (compiled only when build/pack.sh packed it) over the packaged ToolGen.</summary>
public class ExtensionsAITests
{
    [Fact]
    public void Package_depends_on_the_ToolGen_package_of_the_same_pack()
    {
        string path = Path.Combine(PackageInfo.Feed, $"ToolGen.Extensions.AI.{PackageInfo.Version}.nupkg");
        using var zip = ZipFile.OpenRead(path);
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/ToolGen.Extensions.AI.dll");
        using var stream = zip.GetEntry("ToolGen.Extensions.AI.nuspec")!.Open();
        var toolGen = XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "ToolGen");
        Assert.Equal(PackageInfo.Version, toolGen.Attribute("version")!.Value);
    }

    [Fact]
    public async Task AIFunctions_from_the_package_run_generated_tools()
    {
        var functions = MathTools.ToolSet.AsAIFunctions().Cast<AIFunction>().ToList();
        var add = Assert.Single(functions);
        Assert.Equal("add", add.Name);
        Assert.Equal("Adds two integers.", add.Description);

        using var a = JsonDocument.Parse("40");
        object? result = await add.InvokeAsync(new AIFunctionArguments { ["a"] = a.RootElement.Clone(), ["b"] = 2 });
        Assert.Equal("""{"success":true,"result":42}""", Assert.IsType<JsonElement>(result).GetRawText());
    }
}
#endif
