#if HAS_MODEL_CONTEXT_PROTOCOL
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Xunit;

namespace ToolGen.PackageTests;

/// <summary>The ToolGen.ModelContextProtocol package (compiled only when build/pack.sh packed it) over the packaged ToolGen.</summary>
public class ModelContextProtocolTests
{
    [Fact]
    public void Package_depends_on_the_ToolGen_package_of_the_same_pack_and_the_SDK()
    {
        string path = Path.Combine(PackageInfo.Feed, $"ToolGen.ModelContextProtocol.{PackageInfo.Version}.nupkg");
        using var zip = ZipFile.OpenRead(path);
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net8.0/ToolGen.ModelContextProtocol.dll");
        using var stream = zip.GetEntry("ToolGen.ModelContextProtocol.nuspec")!.Open();
        var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(PackageInfo.Version, dependencies["ToolGen"]);
        Assert.Equal("2.4.0", dependencies["ModelContextProtocol"]);
    }

    [Fact]
    public async Task An_MCP_server_from_the_packages_serves_generated_tools()
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var services = new ServiceCollection();
        services.AddMcpServer()
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream())
            .WithToolGenTools<LibraryTools>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        Task run = provider.GetRequiredService<McpServer>().RunAsync(stop.Token);

        await using (var client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream())))
        {
            var tools = await client.ListToolsAsync();
            Assert.Equal(new[] { "add_book", "list_books" }, tools.Select(t => t.Name).Order());
            var result = await client.CallToolAsync(new CallToolRequestParams
            {
                Name = "add_book",
                Arguments = new Dictionary<string, JsonElement> { ["book"] = JsonDocument.Parse("""{"title":"Emma","year":1815}""").RootElement },
            });
            Assert.Equal("4", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
            var invalid = await client.CallToolAsync(new CallToolRequestParams { Name = "add_book" });
            Assert.True(invalid.IsError);
        }

        stop.Cancel();
        clientToServer.Writer.Complete();
        serverToClient.Writer.Complete();
        try
        {
            await run;
        }
        catch (System.OperationCanceledException)
        {
        }
    }
}
#endif
