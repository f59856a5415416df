using System;

namespace ToolGen;

/// <summary>
/// What a tool's effects are, with the meaning and defaults of the Model Context Protocol's tool annotations
/// (<c>readOnlyHint</c>, <c>idempotentHint</c>, <c>destructiveHint</c>, <c>openWorldHint</c>, <c>title</c>). The
/// defaults assume a tool has side effects until it says otherwise: not read-only, not idempotent, destructive, open
/// world. The dispatcher retries a failed call only when repeating it is safe (see
/// <see cref="ToolDispatcherOptions.RetryNonIdempotentTools"/>).
/// </summary>
public sealed class ToolAnnotations : IEquatable<ToolAnnotations>
{
    private readonly bool _idempotent;
    private readonly bool _destructive;

    /// <summary>Creates annotations; omitted values take the MCP defaults.</summary>
    /// <param name="readOnly">The tool does not modify its environment (implies idempotent and not destructive).</param>
    /// <param name="idempotent">Calling it again with the same arguments has no additional effect.</param>
    /// <param name="destructive">Its updates may destroy or overwrite data (only meaningful when not read-only).</param>
    /// <param name="openWorld">It interacts with an open world of external entities (the web, other systems).</param>
    /// <param name="title">A human-readable title for the tool, for user interfaces.</param>
    public ToolAnnotations(bool readOnly = false, bool idempotent = false, bool destructive = true, bool openWorld = true, string? title = null)
    {
        ReadOnly = readOnly;
        _idempotent = idempotent;
        _destructive = destructive;
        OpenWorld = openWorld;
        Title = string.IsNullOrWhiteSpace(title) ? null : title;
    }

    /// <summary>The MCP defaults: not read-only, not idempotent, destructive, open world, no title.</summary>
    public static ToolAnnotations Default { get; } = new();

    /// <summary>Whether the tool only reads (MCP <c>readOnlyHint</c>, default false).</summary>
    public bool ReadOnly { get; }

    /// <summary>Whether repeating a call has no additional effect (MCP <c>idempotentHint</c>); true when read-only.</summary>
    public bool Idempotent => ReadOnly || _idempotent;

    /// <summary>Whether the tool may destroy or overwrite data (MCP <c>destructiveHint</c>, default true); false when read-only.</summary>
    public bool Destructive => !ReadOnly && _destructive;

    /// <summary>Whether the tool reaches external entities (MCP <c>openWorldHint</c>, default true).</summary>
    public bool OpenWorld { get; }

    /// <summary>A human-readable title, or <see langword="null"/>.</summary>
    public string? Title { get; }

    /// <inheritdoc />
    public bool Equals(ToolAnnotations? other) =>
        other is not null
        && ReadOnly == other.ReadOnly
        && Idempotent == other.Idempotent
        && Destructive == other.Destructive
        && OpenWorld == other.OpenWorld
        && string.Equals(Title, other.Title, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ToolAnnotations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ReadOnly, Idempotent, Destructive, OpenWorld, Title);

    /// <inheritdoc />
    public override string ToString() =>
        $"ReadOnly={ReadOnly}, Idempotent={Idempotent}, Destructive={Destructive}, OpenWorld={OpenWorld}, Title={Title ?? "(none)"}";
}
