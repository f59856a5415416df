namespace ToolGen.ReliabilityTests.Infrastructure;

/// <summary>
/// Tests that measure the whole process (heap size, thread-pool threads) run alone: other test classes running in
/// parallel would allocate into their measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (process-wide measurements)";
}
