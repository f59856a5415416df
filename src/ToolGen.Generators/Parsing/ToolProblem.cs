using Microsoft.CodeAnalysis;

namespace ToolGen.Generators.Parsing;

/// <summary>What the parser found wrong with a tool; the analyzers turn these into diagnostics.</summary>
internal enum ProblemKind
{
    UnsupportedParameterType,
    UnsupportedReturnType,
    InvalidToolName,
    DuplicateName,
    NotPartial,
    Generic,
    RefParameter,

    /// <summary>Tools declared in an interface (or another type that is not a class or struct).</summary>
    UnsupportedContainer,

    /// <summary>A parameter of a well-known service type (ILogger&lt;T&gt;, HttpClient, …) without [FromServices].</summary>
    ServiceWithoutMarker,
}

/// <summary>A problem with the location to report it at. Never stored in the incremental model.</summary>
internal sealed class ToolProblem
{
    public ToolProblem(ProblemKind kind, Location? location, params string[] arguments)
    {
        Kind = kind;
        Location = location;
        Arguments = arguments;
    }

    public ProblemKind Kind { get; }

    public Location? Location { get; }

    public string[] Arguments { get; }
}
