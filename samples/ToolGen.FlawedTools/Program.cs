using System;

// Every tool below builds and runs, but each one is declared in a way that would confuse a model or a provider.
// `dotnet build` reports each flaw as a TG warning with its file and line.
foreach (var definition in FlawedTools.ToolDefinitions)
{
    Console.WriteLine($"{definition.Name}: \"{definition.Description}\"");
}
