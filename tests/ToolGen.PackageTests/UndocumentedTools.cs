using ToolGen;

namespace ToolGen.PackageTests;

// Deliberately flawed: the tool has no description, so the packaged analyzers must report TG0001 on `Echo` (line 10;
// AnalyzerTests reads it back from the compiler's log).
public sealed partial class UndocumentedTools
{
    /// <param name="text">The text to send back.</param>
    [Tool] public string Echo(string text) => text;
}
