namespace ToolGen.Generators.Model;

/// <summary>The rows of the type table (provider-rules.md): how a type maps to JSON Schema and to a reader call.</summary>
internal enum JsonKind
{
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Char,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Uri,
    JsonElement,
    JsonNode,
    Enum,
    Collection,
    Dictionary,
    Object,
}

/// <summary>The concrete shape a collection parameter is built as.</summary>
internal enum CollectionKind
{
    /// <summary>T[]</summary>
    Array,

    /// <summary>List&lt;T&gt; and the list/enumerable interfaces it implements.</summary>
    List,

    /// <summary>HashSet&lt;T&gt;, ISet&lt;T&gt;, IReadOnlySet&lt;T&gt;: unique items.</summary>
    HashSet,
}

/// <summary>How a tool method returns.</summary>
internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
