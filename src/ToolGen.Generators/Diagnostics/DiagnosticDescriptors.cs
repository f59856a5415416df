using Microsoft.CodeAnalysis;

namespace ToolGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ToolGen reports. The ids are a public contract (users suppress them by id); titles and messages
/// say what is wrong and how to fix it. Each id has an anchor in docs/diagnostics.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "ToolGen";

    private const string HelpBase = "https://github.com/toolgen/toolgen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MissingToolDescription = Create(
        "TG0001", DiagnosticSeverity.Warning,
        "Tool has no description",
        "Tool '{0}' has no description, so the model must guess what it does; add an XML doc <summary>, [Description(\"…\")] or [Tool(Description = \"…\")]");

    public static readonly DiagnosticDescriptor MissingParameterDescription = Create(
        "TG0002", DiagnosticSeverity.Warning,
        "Tool parameter has no description",
        "Parameter '{0}' of tool '{1}' has no description; add an XML doc <param name=\"{0}\">, [Description(\"…\")] or [ToolParameter(Description = \"…\")]");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        "TG0003", DiagnosticSeverity.Error,
        "Tool parameter type cannot be described as JSON",
        "Tool '{0}' cannot take this parameter: {1}; use a type from ToolGen's type table (scalars, enums, arrays and lists, string-keyed dictionaries, concrete classes, records and structs)");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "TG0004", DiagnosticSeverity.Error,
        "Tool return type is not supported",
        "Tool '{0}' returns '{1}', which cannot be written as a tool result ({2}); return void, Task, ValueTask, or a JSON-describable T, Task<T> or ValueTask<T>");

    public static readonly DiagnosticDescriptor InvalidToolName = Create(
        "TG0005", DiagnosticSeverity.Error,
        "Tool name is not valid for providers",
        "Tool name '{0}' does not match ^[a-zA-Z0-9_-]{{1,64}}$, which OpenAI and Anthropic require; use letters, digits, '_' and '-' only, at most 64 characters (for example [Tool(\"{1}\")])");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "TG0006", DiagnosticSeverity.Error,
        "Duplicate tool or parameter name",
        "{0} '{1}' is already used by {2}; give one of them another name with {3}");

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "TG0007", DiagnosticSeverity.Error,
        "Type declaring tools must be partial",
        "Type '{0}' must be partial, because ToolGen adds the generated tool set to it (and to every type it is nested in); add the 'partial' modifier");

    public static readonly DiagnosticDescriptor Generic = Create(
        "TG0008", DiagnosticSeverity.Error,
        "Tools cannot be generic",
        "Tool method '{0}' cannot be generated because {1}; declare tools as non-generic methods of non-generic types");

    public static readonly DiagnosticDescriptor RefParameter = Create(
        "TG0009", DiagnosticSeverity.Error,
        "Tool parameter cannot be ref, out, in, params or a pointer",
        "Parameter '{0}' is a {1} parameter, but tool arguments arrive as JSON values; make it an ordinary by-value parameter (use an array or list instead of params)");

    public static readonly DiagnosticDescriptor StrictSchemaViolation = Create(
        "TG0010", DiagnosticSeverity.Warning,
        "Strict tool schema breaks provider strict-mode rules",
        "Tool '{0}' asks for Strict = true, but {1}; OpenAI or Anthropic strict mode will reject or degrade it, so change the type or remove Strict = true");

    public static readonly DiagnosticDescriptor DescriptionTooLong = Create(
        "TG0011", DiagnosticSeverity.Info,
        "Description is very long",
        "The description of {0} is {1} characters long; descriptions over 1,024 characters cost tokens on every request and some clients truncate them, so shorten it");

    public static readonly DiagnosticDescriptor PlaceholderDescription = Create(
        "TG0012", DiagnosticSeverity.Warning,
        "Description is a placeholder",
        "The description of {0} is the placeholder \"{1}\", which tells the model nothing; describe what it does, when to use it and what it expects");

    // Added beyond the issue's table: mistakes that are cheap to detect and otherwise silent.

    public static readonly DiagnosticDescriptor ToolParameterOnCancellationToken = Create(
        "TG0013", DiagnosticSeverity.Warning,
        "[ToolParameter] on a CancellationToken is ignored",
        "Parameter '{0}' is a CancellationToken, which the dispatcher supplies and the model never sees; remove its [ToolParameter] attribute");

    public static readonly DiagnosticDescriptor UnsupportedContainer = Create(
        "TG0014", DiagnosticSeverity.Error,
        "Tools must be declared in a class or struct",
        "Tool method '{0}' is declared in the {1} '{2}', but ToolGen generates tool sets for classes, structs and records only; move the tool into a partial class");

    public static readonly DiagnosticDescriptor ContradictoryAnnotations = Create(
        "TG0015", DiagnosticSeverity.Warning,
        "Tool annotations contradict each other",
        "Tool '{0}' is ReadOnly = true but sets {1}; a read-only tool is idempotent and not destructive, so it is retried and advertised as such; remove {1} or ReadOnly = true");

    public static readonly DiagnosticDescriptor DefaultBreaksConstraint = Create(
        "TG0016", DiagnosticSeverity.Warning,
        "Default value breaks its own DataAnnotations",
        "'{0}' is optional and defaults to {1}, which breaks its own {2}; the parser checks only values the model sends, so leaving it out passes the tool a value it would refuse. Make it required (the 'required' modifier, [Required] or no default) or give it a default that passes.");

    public static readonly DiagnosticDescriptor ServiceWithoutMarker = Create(
        "TG0020", DiagnosticSeverity.Error,
        "Service parameter is not marked [FromServices]",
        "Parameter '{0}' of tool '{1}' is a {2}, a service rather than something the model can send; mark it [FromServices] (or [FromKeyedServices(key)]) so that it is resolved from the call's services and left out of the schema");

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
