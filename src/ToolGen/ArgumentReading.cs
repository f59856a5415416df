namespace ToolGen;

/// <summary>How a tool's parser reads the model's arguments.</summary>
public enum ArgumentReading
{
    /// <summary>The assembly's choice (<see cref="ToolDefaultsAttribute.ArgumentReading"/>), lenient unless it says otherwise.</summary>
    Default = 0,

    /// <summary>
    /// Accepts, besides every schema-valid payload, what models commonly send for a value of the right type: a number
    /// or boolean as a JSON string holding exactly its JSON text (<c>"5"</c>, <c>"2.5"</c>, <c>"true"</c>), an enum
    /// name in any case (its JSON name or C# name), <c>null</c> for an optional non-nullable parameter or member
    /// (read as absent: it keeps its default), and the whole arguments object encoded once more as a JSON string.
    /// Nothing else is coerced, and the schema sent to the model stays exact. Strict tools always read exactly.
    /// </summary>
    Lenient = 1,

    /// <summary>Accepts exactly the payloads valid against the tool's input schema.</summary>
    Exact = 2,
}
