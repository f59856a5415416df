namespace ToolGen.Generators.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that carry what a code fix needs, so the fixers
/// never re-run the parser.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>TG0005: the valid name the fix writes into [Tool("…")].</summary>
    public const string SuggestedToolName = nameof(SuggestedToolName);

    /// <summary>
    /// TG0001/TG0002: present ("true") when no source of a description exists at all, so adding an XML doc element
    /// fixes it. Absent when an empty element or attribute already exists (adding another one would change nothing).
    /// </summary>
    public const string CanAddDocElement = nameof(CanAddDocElement);

    /// <summary>TG0002: the C# name of the parameter, for the &lt;param name="…"&gt; the fix adds.</summary>
    public const string ParameterName = nameof(ParameterName);

    /// <summary>TG0016: present ("true") when the optional value is a property the 'required' modifier can make required.</summary>
    public const string CanAddRequired = nameof(CanAddRequired);
}
