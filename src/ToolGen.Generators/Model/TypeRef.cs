using System;

namespace ToolGen.Generators.Model;

/// <summary>
/// A use of a type: the id of its <see cref="TypeSpec"/> in the tool set's type table and whether this use accepts
/// null (nullable reference type or <c>Nullable&lt;T&gt;</c>).
/// </summary>
internal sealed record TypeRef(string TypeId, bool IsNullable);

/// <summary>DataAnnotations constraints of a parameter or member: they go into the schema and into the parser.</summary>
internal sealed record ConstraintSpec(
    string? Minimum,
    string? Maximum,
    bool MinimumIsExclusive,
    bool MaximumIsExclusive,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    bool IsEmail,
    bool IsUrl,
    EquatableArray<string> AllowedValuesJson,
    bool IsRequired = false,
    bool AllowEmptyStrings = false)
{
    public static readonly ConstraintSpec None = new(null, null, false, false, null, null, null, false, false, EquatableArray<string>.Empty);

    public bool IsEmpty => Equals(None);

    /// <summary>
    /// [Required] on a string without AllowEmptyStrings: DataAnnotations reject an empty or whitespace-only string.
    /// </summary>
    public bool RejectsBlank => IsRequired && !AllowEmptyStrings;
}

/// <summary>
/// An enum member and its JSON name. An alias (a member with the value of an earlier one) is read by its name but
/// never written: results use the first name of a value.
/// </summary>
internal sealed record EnumMemberSpec(string CSharpName, string JsonName, bool IsAlias);

/// <summary>
/// A property of an object type. Input role: a constructor parameter, a settable or init-only property, or none
/// (written in results only).
/// </summary>
internal sealed record MemberSpec(
    string CSharpName,
    string JsonName,
    TypeRef Type,
    string? Description,
    bool CanRead,
    MemberInputRole InputRole,
    int ConstructorIndex,
    bool IsRequired,
    string? DefaultCSharp,
    string? DefaultJson,
    ConstraintSpec Constraints,
    bool HasInitializer = false,
    string? DeclaringTypeName = null)
{
    /// <summary>
    /// An optional init-only member with an initializer: set after construction, only when the model sent it, so that
    /// leaving it out keeps the initializer (an object initializer cannot set a member conditionally).
    /// </summary>
    public bool SetsInitOnlyWhenSeen => InputRole == MemberInputRole.InitOnly && !IsRequired && HasInitializer;
}

internal enum MemberInputRole
{
    None,
    ConstructorParameter,
    Settable,
    InitOnly,
}

/// <summary>One entry of a tool set's type table.</summary>
internal sealed record TypeSpec(
    string Id,
    JsonKind Kind,
    bool IsValueType,
    string? ElementTypeId,
    bool ElementIsNullable,
    CollectionKind CollectionKind,
    EquatableArray<EnumMemberSpec> EnumMembers,
    EquatableArray<MemberSpec> Members,
    bool CanConstruct,
    string? Description)
{
    /// <summary>The C# spelling of the type: its id is the fully qualified name with nullable annotations.</summary>
    public string FullName => Id;

    public TypeRef? Element => ElementTypeId is null ? null : new TypeRef(ElementTypeId, ElementIsNullable);
}
