using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

/// <summary>Tools with the mistakes ToolGen's analyzers catch; each comment names the warning it causes.</summary>
public sealed partial class FlawedTools
{
    // TG0001: nothing tells the model what this tool does.
    [Tool]
    public static string Convert([Description("The amount in euros.")] decimal amount) => $"{amount * 1.1m} USD";

    // TG0002: the model has to guess what "q" and "limit" mean.
    /// <summary>Searches the product catalogue by free text.</summary>
    [Tool]
    public static string[] SearchProducts(string q, int limit = 10) => Array.Empty<string>();

    // TG0012: placeholder descriptions.
    [Tool(Description = "TODO")]
    public static string Translate([Description("Text")] string text) => text;

    // TG0013: the dispatcher supplies the token; the model never sees this description.
    /// <summary>Waits until the given job has finished.</summary>
    /// <param name="jobId">The id returned by start_job.</param>
    [Tool]
    public static Task WaitForJobAsync(Guid jobId, [ToolParameter(Description = "Stops waiting.")] CancellationToken cancellationToken) => Task.CompletedTask;

    // TG0010: strict mode cannot describe an open dictionary.
    /// <summary>Stores labels on a document.</summary>
    /// <param name="documentId">The document to label.</param>
    /// <param name="labels">Label values by label name.</param>
    [Tool(Strict = true)]
    public static void SetLabels(Guid documentId, Dictionary<string, string> labels) { }
}
