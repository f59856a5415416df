using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;
using Xunit;

namespace ToolGen.PackageTests;

/// <summary>The generated code (from the packaged generator) running on the packaged runtime.</summary>
public class RuntimeTests
{
    [Fact]
    public void Runtime_assembly_is_the_packed_build()
    {
        string? informational = typeof(ToolDispatcher).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        Assert.NotNull(informational);
        // "0.1.0-local.20261125203434+<commit>": the version build/pack.sh just wrote, so no cache served an old one.
        Assert.Equal(PackageInfo.Version, informational!.Split('+')[0]);
    }

    [Fact]
    public void Generator_emits_definitions_with_schemas_from_xml_docs()
    {
        Assert.Equal(new[] { "add_book", "list_books" }, LibraryTools.ToolDefinitions.Select(d => d.Name).OrderBy(n => n));
        var listBooks = LibraryTools.ToolDefinitions.Single(d => d.Name == "list_books");
        Assert.Equal("Lists the books, sorted by year.", listBooks.Description);
        Assert.Equal(
            """{"type":"object","properties":{"order":{"type":"string","enum":["Ascending","Descending"],"description":"The sort order.","default":"Ascending"}},"required":[],"additionalProperties":false}""",
            listBooks.InputSchema);
    }

    [Fact]
    public async Task InvokeAsync_runs_generated_parsers_and_writers()
    {
        IToolSet tools = new LibraryTools();
        var listed = await tools.InvokeAsync(new ToolCall("c1", "list_books", """{"order":"Descending"}"""), CancellationToken.None);
        Assert.Equal(
            """{"success":true,"result":[{"title":"Neuromancer","year":1984},{"title":"Dune","year":1965},{"title":"Foundation","year":1951}]}""",
            listed.Content);

        var bad = await tools.InvokeAsync(new ToolCall("c2", "add_book", """{"book":{"title":"Emma"}}"""), CancellationToken.None);
        Assert.Equal(ToolErrorKind.MissingArgument, bad.ErrorKind);
        Assert.Equal("Missing required argument 'book.year'.", bad.ErrorMessage);
    }

    [Fact]
    public async Task Dispatcher_runs_a_batch_in_order_across_instance_and_static_sets()
    {
        var dispatcher = new ToolDispatcher(new ToolDispatcherOptions { MaxAttempts = 1 }, new LibraryTools(), MathTools.ToolSet);
        var results = await dispatcher.DispatchAllAsync(new[]
        {
            new ToolCall("a", "add", """{"a":2147483647,"b":1}"""),
            new ToolCall("b", "add_book", """{"book":{"title":"Emma","year":1815}}"""),
            new ToolCall("c", "ad", """{"a":1,"b":2}"""),
        });

        Assert.Equal(new[] { "a", "b", "c" }, results.Select(r => r.CallId));
        Assert.Equal("""{"success":true,"result":2147483648}""", results[0].Content);
        Assert.Equal("""{"success":true,"result":4}""", results[1].Content);
        Assert.Equal(ToolErrorKind.FunctionNotFound, results[2].ErrorKind);
    }
}
