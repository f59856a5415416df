namespace ToolGen.Generators.Model;

/// <summary>A parameter of a tool method.</summary>
internal sealed record ParameterSpec(
    string CSharpName,
    string JsonName,
    TypeRef? Type,
    bool IsCancellationToken,
    string? Description,
    bool IsRequired,
    string? DefaultCSharp,
    string? DefaultJson,
    ConstraintSpec Constraints,
    ServiceSpec? Service = null)
{
    /// <summary>Supplied by the dispatcher, not the model (a cancellation token or a service): not in the schema.</summary>
    public bool IsInjected => IsCancellationToken || Service is not null;
}

/// <summary>How a service parameter is resolved from the call's services.</summary>
internal enum ServiceKind
{
    /// <summary><c>[FromServices]</c>: by its type.</summary>
    Service,

    /// <summary><c>[FromKeyedServices(key)]</c>: by its type and key.</summary>
    Keyed,

    /// <summary>An <c>IServiceProvider</c> parameter: the call's services themselves.</summary>
    Provider,
}

/// <summary>A tool parameter resolved from the call's services: its C# type, how, and whether it may be missing.</summary>
internal sealed record ServiceSpec(string TypeName, ServiceKind Kind, string? KeyCSharp, bool IsOptional, string? DefaultCSharp);

/// <summary>Everything the emitter needs about one [Tool] method, as plain values.</summary>
internal sealed record ToolSpec(
    string MethodName,
    string ToolName,
    string Description,
    bool IsStatic,
    ReturnKind ReturnKind,
    TypeRef? ReturnType,
    EquatableArray<ParameterSpec> Parameters,
    int TimeoutMilliseconds,
    int MaxAttempts,
    bool Strict,
    EquatableArray<TypeSpec> Types,
    AnnotationsSpec Annotations,
    bool RequiresApproval = false,
    bool RunInline = false,
    int DeadlineMilliseconds = 0,
    int MaxConcurrency = 0,
    int ArgumentReading = 0)
{
    /// <summary>Lenient reading (ToolGen.ArgumentReading.Lenient, resolved against the assembly default); never for strict tools.</summary>
    public bool IsLenient => ArgumentReading == 1 && !Strict;

    /// <summary>Null for an optional non-nullable value means "absent": strict schemas send it so, lenient tools accept it.</summary>
    public bool NullMeansAbsent => Strict || IsLenient;
}

/// <summary>
/// The [Tool] effect annotations as declared (MCP defaults: not read-only, not idempotent, destructive, open world).
/// </summary>
internal sealed record AnnotationsSpec(bool ReadOnly, bool Idempotent, bool Destructive, bool OpenWorld, string? Title)
{
    public static readonly AnnotationsSpec Default = new(false, false, true, true, null);

    public bool IsDefault => this == Default;
}

/// <summary>A type declaration enclosing a tool set (outermost first), to re-open it as partial.</summary>
internal sealed record TypeDeclarationSpec(string Keyword, string Name, bool IsStatic);

/// <summary>One tool method together with where it is declared: the output of the first pipeline step.</summary>
internal sealed record ToolMethodModel(ContainingTypeSpec ContainingType, ToolSpec Tool);

/// <summary>
/// A constructor parameter of a tool class, taken from services: its C# type and, for an optional one (a default value
/// or a nullable type), the C# expression used when the service is missing.
/// </summary>
internal sealed record ServiceParameterSpec(string TypeName, string? FallbackCSharp);

/// <summary>The constructor the generated <c>Create(IServiceProvider)</c> calls.</summary>
internal sealed record ServiceConstructorSpec(EquatableArray<ServiceParameterSpec> Parameters);

/// <summary>The class declaring tools.</summary>
internal sealed record ContainingTypeSpec(
    string? Namespace,
    EquatableArray<TypeDeclarationSpec> Declarations,
    string FullName,
    string HintName,
    ServiceConstructorSpec? Constructor = null)
{
    public bool IsStatic => Declarations[Declarations.Count - 1].IsStatic;
}

/// <summary>All the tools of one class: one generated file.</summary>
internal sealed record ToolSetSpec(ContainingTypeSpec ContainingType, EquatableArray<ToolSpec> Tools);

/// <summary>
/// What the parser made of a tool method even when it has problems: the containing type is null when the tool cannot
/// be placed in a generated partial type. Used by the analyzers only; never cached in the incremental pipeline.
/// </summary>
internal sealed record ParsedTool(ContainingTypeSpec? ContainingType, ToolSpec Tool)
{
    /// <summary>The optional parameters and members of the tool with the values they take when absent.</summary>
    public System.Collections.Generic.IReadOnlyList<Parsing.OptionalValue> OptionalValues { get; init; } = System.Array.Empty<Parsing.OptionalValue>();
}
